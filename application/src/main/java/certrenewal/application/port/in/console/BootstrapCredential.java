package certrenewal.application.port.in.console;

import certrenewal.domain.administration.StaffRole;

/** A staff account created at first start; its password is shown once, in the log, and never stored in clear. */
public record BootstrapCredential(String username, StaffRole role, String password) {
    @Override
    public String toString() {
        return "BootstrapCredential[" + username + ", " + role + "]";
    }
}
