package certrenewal.application.service;

import static certrenewal.application.service.Refusals.refusal;

import certrenewal.application.port.in.ClientAddress;
import certrenewal.application.port.in.RequestRefusedException;
import certrenewal.application.port.in.console.StaffLoginUseCase;
import certrenewal.application.port.out.AuditTrailPort;
import certrenewal.application.port.out.PasswordHasherPort;
import certrenewal.application.port.out.StaffAccountPort;
import certrenewal.application.port.out.StaffCertificatePort;
import certrenewal.application.port.out.TransactionPort;
import certrenewal.domain.Rejection.Code;
import certrenewal.domain.administration.Actor;
import certrenewal.domain.administration.StaffAccount;
import certrenewal.domain.administration.StaffCertificateLogin;
import certrenewal.domain.administration.StaffCertificateLogin.Requirement;
import certrenewal.domain.administration.StaffCertificateLogin.Verdict;
import certrenewal.domain.certificate.SerialNumber;
import certrenewal.domain.administration.StaffLockout;
import java.time.Clock;
import java.util.Objects;
import java.util.Optional;

/**
 * The console's own login: staff username and password. Too many wrong passwords in a row lock
 * the account for a while ({@link StaffLockout}), longer each time. An unknown name, a locked or
 * disabled account and a wrong password get the same answer after the same work; the audit trail says which
 * (unknown names counted per address and minute, see {@link UnknownCallerRefusals}).
 * <p>When a staff certificate is {@link Requirement#REQUIRED}, the client certificate of the connection must be the
 * account's current one ({@link StaffCertificateLogin}); any other is refused as a wrong password is, and counts
 * towards the lock-out, so that the answer never says whether the password or the certificate was wrong (the audit
 * trail says). No certificate at all is refused with its own answer before the name is even looked up: it tells
 * nothing of the account.
 */
public final class StaffLoginService implements StaffLoginUseCase {
    private static final String ACTION = "STAFF_LOGIN";

    private final StaffAccountPort staff;
    private final StaffCertificatePort staffCertificates;
    private final Requirement requirement;
    private final PasswordHasherPort hasher;
    private final TransactionPort transactions;
    private final StaffPasswords staffPasswords;
    private final UnknownCallerRefusals unknownCallers;
    private final Clock clock;
    private final Audit audit;
    /** Compared against when the username is unknown or locked, so that the answer takes as long as a wrong password. */
    private final String decoyHash;

    /**
     * @param unknownCallers counts refusals of unknown names, per address and minute
     * @param requirement whether the login needs the account's staff certificate besides the password
     */
    public StaffLoginService(StaffAccountPort staff, StaffCertificatePort staffCertificates, Requirement requirement,
                             PasswordHasherPort hasher, AuditTrailPort auditTrail, TransactionPort transactions,
                             StaffLockout lockout, UnknownCallerRefusals unknownCallers, Clock clock) {
        this.staffCertificates = staffCertificates;
        this.requirement = Objects.requireNonNull(requirement, "requirement must not be null");
        this.unknownCallers = unknownCallers;
        this.staff = staff;
        this.hasher = hasher;
        this.transactions = transactions;
        this.clock = clock;
        this.audit = new Audit(auditTrail, transactions, clock);
        this.staffPasswords = new StaffPasswords(staff, transactions, lockout, audit, clock);
        this.decoyHash = hasher.decoyHash();
    }

    @Override
    public boolean certificateRequired() {
        return requirement == Requirement.REQUIRED;
    }

    @Override
    public Actor.Staff logIn(String username, char[] password, byte[] certificateDer, ClientAddress from) {
        Objects.requireNonNull(username, "username must not be null");
        Objects.requireNonNull(password, "password must not be null");
        String name = "staff:" + username;
        boolean noCertificate = certificateDer == null || certificateDer.length == 0;
        if (certificateRequired() && noCertificate) {
            // the name is not looked up: this answer tells nothing of the account, so anyone may get it
            unknownCallers.count(from, ACTION, Code.NO_CLIENT_CERTIFICATE.name(), name);
            throw refusal(Code.NO_CLIENT_CERTIFICATE);
        }
        Optional<StaffAccount> found = staff.loadStaff(username);
        if (found.isEmpty()) {
            hasher.matches(password, decoyHash);
            // anyone can type any name: counted, not recorded one by one
            unknownCallers.count(from, ACTION, "WRONG_CREDENTIALS: unknown staff account", name);
            throw refusal(Code.WRONG_CREDENTIALS);
        }
        StaffAccount account = found.get();
        if (account.lockedAt(clock.instant())) {
            hasher.matches(password, decoyHash);
            throw audit.refused(name, ACTION, name, refusal(Code.WRONG_CREDENTIALS), "locked until " + account.lockedUntil());
        }
        if (account.disabled()) {
            hasher.matches(password, decoyHash);
            throw audit.refused(name, ACTION, name, refusal(Code.WRONG_CREDENTIALS), "disabled");
        }
        boolean passwordRight = hasher.matches(password, account.passwordHash());
        Optional<String> certificateRefused = certificateRequired()
                ? certificateRefusal(certificateDer, username) : Optional.empty();
        if (!passwordRight || certificateRefused.isPresent()) {
            staffPasswords.wrongCredentials(username, ACTION, (passwordRight ? "" : "wrong password")
                    + (!passwordRight && certificateRefused.isPresent() ? "; " : "")
                    + certificateRefused.orElse(""));
            throw refusal(Code.WRONG_CREDENTIALS);
        }
        staffPasswords.resetFailures(account);
        String detail = account.role().name() + (certificateRequired()
                ? ", staff certificate " + AuthenticateCertificateService.serialOf(certificateDer).hex() : "");
        transactions.inTransaction(() -> audit.success(name, ACTION, name, detail));
        return new Actor.Staff(account.username(), account.role());
    }

    /** Why the presented certificate does not log {@code username} in, for the audit trail; empty when it does. */
    private Optional<String> certificateRefusal(byte[] certificateDer, String username) {
        SerialNumber serial;
        try {
            serial = AuthenticateCertificateService.serialOf(certificateDer);
        } catch (RequestRefusedException e) {
            return Optional.of("certificate not accepted: " + Verdict.NOT_A_STAFF_CERTIFICATE + " (not X.509)");
        }
        // the serial only finds the record; the whole encoding must be what the CA signed for staff
        Verdict verdict = StaffCertificateLogin.judge(staffCertificates.loadStaffCertificate(serial)
                .filter(c -> c.hasEncoding(certificateDer)), username, clock.instant());
        return verdict == Verdict.ACCEPTED ? Optional.empty()
                : Optional.of("certificate not accepted: " + verdict + " (serial " + serial.hex() + ")");
    }
}
