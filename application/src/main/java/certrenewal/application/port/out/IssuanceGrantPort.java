package certrenewal.application.port.out;

import certrenewal.domain.account.LoginId;
import java.util.Optional;

/** At most one issuance grant per ID; saving replaces the previous one. */
public interface IssuanceGrantPort {
    void saveGrant(IssuanceGrant grant);

    Optional<IssuanceGrant> loadGrant(LoginId loginId);

    /** Uses the grant up; false when there was none (a parallel pickup took it). */
    boolean deleteGrant(LoginId loginId);
}
