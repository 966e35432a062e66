package certrenewal.application.port.in.console;

import certrenewal.domain.administration.StaffRole;

/**
 * A staff account's password as it was made: at first start of the embedded default (shown once, in
 * the log), or a one-time password from a security administrator or the set-up command (shown once,
 * on the screen or the terminal). Never stored in clear.
 */
public record BootstrapCredential(String username, StaffRole role, String password) {
    @Override
    public String toString() {
        return "BootstrapCredential[" + username + ", " + role + "]";
    }
}
