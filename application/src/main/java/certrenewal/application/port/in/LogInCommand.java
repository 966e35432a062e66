package certrenewal.application.port.in;

import certrenewal.domain.account.LoginId;
import java.util.Objects;

/**
 * A login attempt: login ID and password typed on the login screen, the TLS client certificate
 * the browser presented (null when none) and where the request came from.
 */
public record LogInCommand(LoginId loginId, char[] password, byte[] clientCertificateDer, ClientAddress from) {
    public LogInCommand {
        Objects.requireNonNull(loginId, "login ID must not be null");
        Objects.requireNonNull(password, "password must not be null");
        Objects.requireNonNull(from, "address must not be null");
    }

    /** For callers inside the server (tests). */
    public LogInCommand(LoginId loginId, char[] password, byte[] clientCertificateDer) {
        this(loginId, password, clientCertificateDer, ClientAddress.IN_PROCESS);
    }

    @Override
    public String toString() {
        return "LogInCommand[" + loginId + "]";
    }
}
