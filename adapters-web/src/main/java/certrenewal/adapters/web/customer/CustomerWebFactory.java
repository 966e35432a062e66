package certrenewal.adapters.web.customer;

import io.micronaut.context.MessageSource;
import io.micronaut.context.annotation.Factory;
import io.micronaut.context.i18n.ResourceBundleMessageSource;
import jakarta.inject.Singleton;
import java.util.Locale;

@Factory
final class CustomerWebFactory {
    /** The screens' texts: Japanese first (also for languages the bank does not offer), English too. */
    @Singleton
    MessageSource customerTexts() {
        return new ResourceBundleMessageSource("i18n.messages", Locale.JAPANESE);
    }
}
