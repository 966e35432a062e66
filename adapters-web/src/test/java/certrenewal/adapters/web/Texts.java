package certrenewal.adapters.web;

import java.util.List;
import java.util.Locale;
import java.util.MissingResourceException;
import java.util.ResourceBundle;

/**
 * The screens' texts as the i18n bundles give them, for tables of cases too long to spell out
 * (every refusal in both languages); the tests spell out the texts users read most.
 */
public final class Texts {
    private static final List<String> BUNDLES = List.of("i18n.messages", "i18n.admin", "i18n.console");

    private Texts() {
    }

    /** The text of {@code key} in "ja" or "en", its {0}, {1} … replaced by {@code args}. */
    public static String of(String language, String key, Object... args) {
        Locale locale = Locale.forLanguageTag(language);
        for (String bundle : BUNDLES) {
            try {
                String text = ResourceBundle.getBundle(bundle, locale, ResourceBundle.Control.getNoFallbackControl(
                        ResourceBundle.Control.FORMAT_PROPERTIES)).getString(key);
                for (int i = 0; i < args.length; i++) {
                    text = text.replace("{" + i + "}", String.valueOf(args[i]));
                }
                return text;
            } catch (MissingResourceException e) {
                // the next bundle
            }
        }
        throw new AssertionError("no text " + key + " in " + language);
    }
}
