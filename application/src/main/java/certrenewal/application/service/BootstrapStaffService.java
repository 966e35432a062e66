package certrenewal.application.service;

import certrenewal.application.port.in.console.BootstrapCredential;
import certrenewal.application.port.in.console.BootstrapStaffUseCase;
import certrenewal.application.port.out.AuditTrailPort;
import certrenewal.application.port.out.PasswordHasherPort;
import certrenewal.application.port.out.StaffAccountPort;
import certrenewal.application.port.out.TransactionPort;
import certrenewal.domain.administration.StaffAccount;
import certrenewal.domain.administration.StaffRole;
import java.time.Clock;
import java.util.List;

/** At first start, while no staff account exists: one operator, one auditor and one security administrator with random passwords. */
public final class BootstrapStaffService implements BootstrapStaffUseCase {
    static final int BOOTSTRAP_PASSWORD_LENGTH = 20;

    private final StaffAccountPort staff;
    private final PasswordHasherPort hasher;
    private final TransactionPort transactions;
    private final Audit audit;
    private final RandomPasswords randomPasswords = new RandomPasswords();

    public BootstrapStaffService(StaffAccountPort staff, PasswordHasherPort hasher, AuditTrailPort auditTrail,
                                 TransactionPort transactions, Clock clock) {
        this.staff = staff;
        this.hasher = hasher;
        this.transactions = transactions;
        this.audit = new Audit(auditTrail, transactions, clock);
    }

    @Override
    public List<BootstrapCredential> ensureBootstrapAccounts() {
        if (staff.countStaff() > 0) {
            return List.of();
        }
        List<BootstrapCredential> credentials = List.of(
                new BootstrapCredential("operator", StaffRole.OPERATOR, randomPasswords.next(BOOTSTRAP_PASSWORD_LENGTH)),
                // a second operator, so that the demo's four-eyes actions can be requested by one and approved by another
                new BootstrapCredential("operator2", StaffRole.OPERATOR, randomPasswords.next(BOOTSTRAP_PASSWORD_LENGTH)),
                new BootstrapCredential("auditor", StaffRole.AUDITOR, randomPasswords.next(BOOTSTRAP_PASSWORD_LENGTH)),
                new BootstrapCredential("secadmin", StaffRole.SECURITY_ADMIN, randomPasswords.next(BOOTSTRAP_PASSWORD_LENGTH)));
        List<StaffAccount> accounts = credentials.stream()
                .map(c -> StaffAccount.create(c.username(), c.role(), hasher.hash(c.password().toCharArray())))
                .toList();
        boolean created = transactions.inTransaction(() -> {
            if (staff.countStaff() > 0) {
                return false; // another instance bootstrapped meanwhile
            }
            for (StaffAccount account : accounts) {
                staff.insertStaff(account);
                audit.success("system:bootstrap", "STAFF_CREATED", "staff:" + account.username(), account.role().name());
            }
            return true;
        });
        return created ? credentials : List.of();
    }
}
