package certrenewal.application.port.in;

import certrenewal.domain.account.LoginId;
import java.util.Objects;

/**
 * A login attempt: login ID and password typed on the login screen, and the TLS client
 * certificate the browser presented (null when none).
 */
public record LogInCommand(LoginId loginId, char[] password, byte[] clientCertificateDer) {
    public LogInCommand {
        Objects.requireNonNull(loginId, "login ID must not be null");
        Objects.requireNonNull(password, "password must not be null");
    }

    @Override
    public String toString() {
        return "LogInCommand[" + loginId + "]";
    }
}
