package certrenewal.domain.notice;

import java.util.Locale;
import java.util.Optional;

/** The language of a login ID's notices: Japanese unless the ID chose English. */
public enum NoticeLanguage {
    JA, EN;

    public static final NoticeLanguage DEFAULT = JA;

    /** The language named by {@code tag} ("ja", "en", any case), or empty when it is neither. */
    public static Optional<NoticeLanguage> parse(String tag) {
        if (tag == null) {
            return Optional.empty();
        }
        return switch (tag.strip().toLowerCase(Locale.ROOT)) {
            case "ja" -> Optional.of(JA);
            case "en" -> Optional.of(EN);
            default -> Optional.empty();
        };
    }

    public String tag() {
        return name().toLowerCase(Locale.ROOT);
    }
}
