package certrenewal.application.port.in.console;

import certrenewal.application.port.in.SessionEnd;
import java.util.Objects;
import java.util.Optional;

/**
 * What a staff member's console session may do now.
 *
 * @param end why the session must end now, or empty when it may go on
 * @param passwordChangeFirst the account's password was set by someone else: only the password
 *                            change (and logging out) is reachable until its holder chooses one
 */
public record StaffSessionCheck(Optional<SessionEnd> end, boolean passwordChangeFirst) {
    public static final StaffSessionCheck GOES_ON = new StaffSessionCheck(Optional.empty(), false);

    public StaffSessionCheck {
        Objects.requireNonNull(end, "end must not be null");
    }

    public static StaffSessionCheck ends(SessionEnd end) {
        return new StaffSessionCheck(Optional.of(end), false);
    }
}
