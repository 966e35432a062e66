package certrenewal.application.service;

import static certrenewal.application.service.Refusals.refusal;

import certrenewal.application.port.in.RequestRefusedException;
import certrenewal.application.port.in.console.BootstrapCredential;
import certrenewal.application.port.in.console.ManageStaffUseCase;
import certrenewal.application.port.out.AuditTrailPort;
import certrenewal.application.port.out.ConcurrentUpdateException;
import certrenewal.application.port.out.PasswordHasherPort;
import certrenewal.application.port.out.StaffAccountPort;
import certrenewal.application.port.out.StaffCertificatePort;
import certrenewal.application.port.out.TransactionPort;
import certrenewal.application.readmodel.StaffMember;
import certrenewal.domain.Rejection;
import certrenewal.domain.Rejection.Code;
import certrenewal.domain.administration.Actor;
import certrenewal.domain.administration.AdministrationPolicy;
import certrenewal.domain.administration.AdministrativeAction;
import certrenewal.domain.administration.StaffAccount;
import certrenewal.domain.administration.StaffAdministration;
import certrenewal.domain.administration.StaffChange;
import certrenewal.domain.administration.StaffRole;
import certrenewal.domain.certificate.RevocationReason;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.BiFunction;

/**
 * Staff accounts managed by security administrators (and the first one made by the set-up command):
 * the rules are {@link StaffAdministration}'s, checked against the account as stored inside the
 * transaction that changes it; the one-time passwords are random, returned once, stored as hashes. Disabling an
 * account ends its staff certificate too (re-enabling it does not bring the certificate back).
 */
public final class ManageStaffService implements ManageStaffUseCase {
    static final int ONE_TIME_PASSWORD_LENGTH = 20;

    private final StaffAccountPort staff;
    private final StaffCertificatePort staffCertificates;
    private final PasswordHasherPort hasher;
    private final TransactionPort transactions;
    private final RetryingTransactions retrying;
    private final Audit audit;
    private final Clock clock;
    private final RandomPasswords randomPasswords = new RandomPasswords();

    public ManageStaffService(StaffAccountPort staff, StaffCertificatePort staffCertificates, PasswordHasherPort hasher,
                              AuditTrailPort auditTrail, TransactionPort transactions, Clock clock) {
        this.staff = staff;
        this.staffCertificates = staffCertificates;
        this.hasher = hasher;
        this.transactions = transactions;
        this.retrying = new RetryingTransactions(transactions);
        this.clock = clock;
        this.audit = new Audit(auditTrail, transactions, clock);
    }

    @Override
    public List<StaffMember> list(Actor actor) {
        Optional<Rejection> refused = AdministrationPolicy.check(actor, AdministrativeAction.MANAGE_STAFF);
        if (refused.isPresent()) {
            throw audit.refused(actor.auditName(), "STAFF_LIST", "staff", new RequestRefusedException(refused.get()));
        }
        Instant now = clock.instant();
        return staff.listStaff().stream()
                .map(a -> new StaffMember(a.username(), a.role(), a.disabled(), a.lockedAt(now), a.mustChangePassword()))
                .toList();
    }

    @Override
    public BootstrapCredential create(Actor actor, String username, StaffRole role) {
        Objects.requireNonNull(role, "role must not be null");
        String target = "staff:" + username;
        if (!StaffAccount.isValidUsername(username)) {
            throw audit.refused(actor.auditName(), "STAFF_CREATED", "staff:?", refusal(Code.INVALID_STAFF_USERNAME),
                    "username not accepted");
        }
        String password = randomPasswords.next(ONE_TIME_PASSWORD_LENGTH);
        StaffAccount account = StaffAccount.createWithOneTimePassword(username, role, hasher.hash(password.toCharArray()));
        try {
            transactions.inTransaction(() -> {
                Optional<Rejection> refused = staff.loadStaff(username).isPresent()
                        ? Optional.of(Rejection.of(Code.STAFF_ACCOUNT_EXISTS))
                        : StaffAdministration.check(actor, StaffChange.CREATE, account, role,
                                staff.countActiveSecurityAdministrators(), clock.instant());
                refused.ifPresent(Refusals::refuse);
                staff.insertStaff(account);
                audit.success(actor.auditName(), "STAFF_CREATED", target, role.name());
            });
        } catch (RequestRefusedException e) {
            throw audit.refused(actor.auditName(), "STAFF_CREATED", target, e);
        } catch (ConcurrentUpdateException e) {
            throw audit.refused(actor.auditName(), "STAFF_CREATED", target, refusal(Code.STAFF_ACCOUNT_EXISTS));
        }
        return new BootstrapCredential(username, role, password);
    }

    @Override
    public void disable(Actor actor, String username) {
        change(actor, username, StaffChange.DISABLE, null, "STAFF_DISABLED", (a, now) -> a.disable());
    }

    @Override
    public void enable(Actor actor, String username) {
        change(actor, username, StaffChange.ENABLE, null, "STAFF_ENABLED", (a, now) -> a.enabled());
    }

    @Override
    public void unlock(Actor actor, String username) {
        change(actor, username, StaffChange.UNLOCK, null, "STAFF_UNLOCKED", (a, now) -> a.unlocked());
    }

    @Override
    public BootstrapCredential resetPassword(Actor actor, String username) {
        String password = randomPasswords.next(ONE_TIME_PASSWORD_LENGTH);
        String hash = hasher.hash(password.toCharArray());
        StaffAccount reset = change(actor, username, StaffChange.RESET_PASSWORD, null, "STAFF_PASSWORD_RESET",
                (a, now) -> a.withPasswordReset(hash));
        return new BootstrapCredential(username, reset.role(), password);
    }

    @Override
    public void changeRole(Actor actor, String username, StaffRole role) {
        Objects.requireNonNull(role, "role must not be null");
        change(actor, username, StaffChange.CHANGE_ROLE, role, "STAFF_ROLE_CHANGED", (a, now) -> a.withRole(role));
    }

    /** Checks the rule on the account as stored, saves what {@code next} makes of it and audits, all in one transaction. */
    private StaffAccount change(Actor actor, String username, StaffChange change, StaffRole newRole, String action,
                                BiFunction<StaffAccount, Instant, StaffAccount> next) {
        Objects.requireNonNull(actor, "actor must not be null");
        String target = StaffAccount.auditTarget(username);
        try {
            return retrying.inTransaction(() -> { // a login counting a wrong password may update the account meanwhile
                Instant now = clock.instant();
                Optional<Rejection> role = AdministrationPolicy.check(actor, AdministrativeAction.MANAGE_STAFF);
                role.ifPresent(Refusals::refuse); // before saying whether the account exists
                StaffAccount current = staff.loadStaff(username).orElseThrow(() -> refusal(Code.UNKNOWN_STAFF_ACCOUNT));
                StaffAdministration.check(actor, change, current, newRole, staff.countActiveSecurityAdministrators(), now)
                        .ifPresent(Refusals::refuse);
                StaffAccount changed = next.apply(current, now);
                staff.updateStaff(changed);
                String ended = change == StaffChange.DISABLE ? endCertificate(username, now) : "";
                audit.success(actor.auditName(), action, target,
                        (newRole == null ? current.role().name() : current.role() + " -> " + newRole) + ended);
                return changed;
            });
        } catch (RequestRefusedException e) {
            throw audit.refused(actor.auditName(), action, target, e);
        }
    }

    /** Ends the account's current staff certificate, if any; says which for the audit record. */
    private String endCertificate(String username, Instant now) {
        return staffCertificates.currentStaffCertificate(username).map(current -> {
            staffCertificates.endStaffCertificate(current.ended(now, RevocationReason.PRIVILEGE_WITHDRAWN));
            return "; staff certificate " + current.serial().hex() + " ended";
        }).orElse("");
    }
}
