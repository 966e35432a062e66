package certrenewal.application.port.out;

import certrenewal.domain.administration.StaffAccount;
import java.util.Optional;

public interface StaffAccountPort {
    Optional<StaffAccount> loadStaff(String username);

    long countStaff();

    void insertStaff(StaffAccount account);

    /** Fails with {@link ConcurrentUpdateException} when the account changed since it was loaded. */
    void updateStaff(StaffAccount account);
}
