package certrenewal.application.port.in;

import java.util.Objects;

/**
 * A signed-in ID changes its own login password: the current one, and the new one typed twice.
 * The caller wipes the arrays once the use case returns.
 */
public record ChangeLoginPasswordCommand(AuthenticatedId who, char[] currentPassword, char[] newPassword,
                                         char[] newPasswordAgain) {
    public ChangeLoginPasswordCommand {
        Objects.requireNonNull(who, "who must not be null");
        Objects.requireNonNull(currentPassword, "current password must not be null");
        Objects.requireNonNull(newPassword, "new password must not be null");
        Objects.requireNonNull(newPasswordAgain, "repeated new password must not be null");
    }

    @Override
    public String toString() {
        return "ChangeLoginPasswordCommand[" + who.loginId() + "]";
    }
}
