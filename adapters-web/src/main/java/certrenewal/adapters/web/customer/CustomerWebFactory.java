package certrenewal.adapters.web.customer;

import io.micronaut.context.MessageSource;
import io.micronaut.context.annotation.Factory;
import io.micronaut.context.i18n.ResourceBundleMessageSource;
import jakarta.inject.Singleton;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

@Factory
final class CustomerWebFactory {
    /** One bundle per screen family, each with its own files, so their texts can grow apart. */
    private static final List<String> BUNDLES = List.of("i18n.messages", "i18n.admin", "i18n.console");

    /** The screens' texts: Japanese first (also for languages the bank does not offer), English too. */
    @Singleton
    MessageSource screenTexts() {
        List<MessageSource> sources = BUNDLES.stream()
                .<MessageSource>map(bundle -> new ResourceBundleMessageSource(bundle, Locale.JAPANESE)).toList();
        return new MessageSource() {
            @Override
            public Optional<String> getRawMessage(String code, MessageContext context) {
                return sources.stream().map(s -> s.getRawMessage(code, context)).flatMap(Optional::stream).findFirst();
            }

            @Override
            public String interpolate(String template, MessageContext context) {
                return sources.getFirst().interpolate(template, context);
            }
        };
    }
}
