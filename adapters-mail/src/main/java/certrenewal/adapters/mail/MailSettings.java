package certrenewal.adapters.mail;

import java.nio.file.Path;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;

/**
 * Where notices go: an SMTP server when {@code host} is set, else {@code .eml} files under {@code fileDirectory}.
 *
 * @param port the server's port; 0 for the mode's usual one (25 for none, 587 for STARTTLS, 465 for TLS)
 * @param user blank: no authentication
 * @param from the sender address of every notice
 * @param loginUrl where the customer logs in, written into every notice (no token, nothing secret)
 */
public record MailSettings(String host, int port, String user, String password, String from, Security security,
                           String loginUrl, Path fileDirectory) {

    /** How the connection to the SMTP server is protected. */
    public enum Security {
        /** Plain SMTP (a relay on the bank's own network only). */
        NONE,
        /** SMTP upgraded with STARTTLS, which the server must offer (the default). */
        STARTTLS,
        /** SMTP inside TLS from the first byte (SMTPS). */
        TLS;

        /** "none", "starttls" or "tls" (any case; blank: STARTTLS). */
        public static Security parse(String text) {
            if (text == null || text.isBlank()) {
                return STARTTLS;
            }
            try {
                return valueOf(text.strip().toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("CERTRENEWAL_SMTP_TLS must be none, starttls or tls: " + text);
            }
        }
    }

    public MailSettings {
        Objects.requireNonNull(from, "the sender address must be set (CERTRENEWAL_SMTP_FROM)");
        Objects.requireNonNull(security, "security must not be null");
        Objects.requireNonNull(loginUrl, "the login URL must be set");
        Objects.requireNonNull(fileDirectory, "the mail file directory must be set");
        if (port < 0 || port > 65535) {
            throw new IllegalArgumentException("CERTRENEWAL_SMTP_PORT must be 0..65535: " + port);
        }
    }

    /** The SMTP host, or empty when notices are written as files. */
    public Optional<String> smtpHost() {
        return host == null || host.isBlank() ? Optional.empty() : Optional.of(host.strip());
    }

    int effectivePort() {
        if (port != 0) {
            return port;
        }
        return switch (security) {
            case NONE -> 25;
            case STARTTLS -> 587;
            case TLS -> 465;
        };
    }

    boolean authenticates() {
        return user != null && !user.isBlank();
    }

    @Override
    public String toString() {
        return "MailSettings[" + smtpHost().map(h -> "smtp://" + h + ":" + effectivePort() + " " + security)
                .orElse("files in " + fileDirectory) + ", from=" + from + "]";
    }
}
