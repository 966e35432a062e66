package certrenewal.application.service;

import static certrenewal.application.service.Refusals.refusal;

import certrenewal.application.port.in.RequestRefusedException;
import certrenewal.application.port.in.console.IssueStaffCertificateUseCase;
import certrenewal.application.port.out.AuditTrailPort;
import certrenewal.application.port.out.IssueStaffCredentialPort;
import certrenewal.application.port.out.IssueStaffCredentialPort.StaffCredential;
import certrenewal.application.port.out.StaffAccountPort;
import certrenewal.application.port.out.StaffCertificatePort;
import certrenewal.application.port.out.TransactionPort;
import certrenewal.domain.Rejection;
import certrenewal.domain.Rejection.Code;
import certrenewal.domain.administration.Actor;
import certrenewal.domain.administration.AdministrationPolicy;
import certrenewal.domain.administration.AdministrativeAction;
import certrenewal.domain.administration.StaffAccount;
import certrenewal.domain.administration.StaffAdministration;
import certrenewal.domain.administration.StaffCertificate;
import certrenewal.domain.administration.StaffChange;
import certrenewal.domain.certificate.RevocationReason;
import certrenewal.domain.certificate.SerialNumber;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Objects;
import java.util.Optional;

/**
 * A staff account's console certificate, issued by a security administrator for another active account
 * ({@link StaffAdministration}'s rule, {@link StaffChange#ISSUE_CERTIFICATE}). The key pair and the CA's signature
 * come first, outside the transaction; the rule is checked again on the account as stored inside the transaction
 * that records the certificate, supersedes the previous one and audits, so that a refusal there leaves nothing but
 * an unused, unrecorded certificate (which logs in nowhere, as only recorded staff certificates do).
 */
public final class IssueStaffCertificateService implements IssueStaffCertificateUseCase {
    private static final String ACTION = "STAFF_CERTIFICATE_ISSUED";
    /** As the staff accounts' one-time passwords. */
    static final int PKCS12_PASSWORD_LENGTH = ManageStaffService.ONE_TIME_PASSWORD_LENGTH;

    private final StaffAccountPort staff;
    private final StaffCertificatePort certificates;
    private final IssueStaffCredentialPort credentials;
    private final RetryingTransactions retrying;
    private final Audit audit;
    private final Duration validity;
    private final Clock clock;
    private final SerialNumbers serials = new SerialNumbers();
    private final RandomPasswords randomPasswords = new RandomPasswords();

    /** @param validity how long a staff certificate is valid from its issuance (setting, default one year) */
    public IssueStaffCertificateService(StaffAccountPort staff, StaffCertificatePort certificates,
                                        IssueStaffCredentialPort credentials, AuditTrailPort auditTrail,
                                        TransactionPort transactions, Duration validity, Clock clock) {
        this.staff = staff;
        this.certificates = certificates;
        this.credentials = credentials;
        this.retrying = new RetryingTransactions(transactions);
        this.audit = new Audit(auditTrail, transactions, clock);
        this.validity = Objects.requireNonNull(validity, "validity must not be null");
        if (validity.isNegative() || validity.toSeconds() < 1) {
            throw new IllegalArgumentException("a staff certificate's validity must be at least a second");
        }
        this.clock = clock;
    }

    @Override
    public Optional<StaffCertificate> current(Actor actor, String username) {
        Optional<Rejection> refused = AdministrationPolicy.check(actor, AdministrativeAction.MANAGE_STAFF);
        if (refused.isPresent()) {
            throw audit.refused(actor.auditName(), "STAFF_CERTIFICATE_VIEW",
                    StaffAccount.auditTarget(username),
                    new RequestRefusedException(refused.get()));
        }
        return certificates.currentStaffCertificate(username);
    }

    @Override
    public IssuedStaffCertificate issue(Actor actor, String username) {
        Objects.requireNonNull(actor, "actor must not be null");
        Objects.requireNonNull(username, "username must not be null");
        String target = StaffAccount.auditTarget(username); // a name no account can have is unknown

        refusalsAudited(actor, target, () -> check(actor, username)); // before the CA signs anything
        Instant notBefore = clock.instant().truncatedTo(ChronoUnit.SECONDS);
        SerialNumber serial = serials.next();
        String password = randomPasswords.next(PKCS12_PASSWORD_LENGTH);
        StaffCredential credential;
        try {
            credential = credentials.issueStaffCredential(username, serial, notBefore, notBefore.plus(validity),
                    password.toCharArray());
        } catch (RuntimeException e) {
            // the CA could not sign or its check refused the result: nothing recorded, the current one stays
            audit.failed(actor.auditName(), ACTION, target, "serial " + serial.hex() + ": " + e.getMessage());
            throw refusal(Code.ISSUANCE_FAILED);
        }
        StaffCertificate issued = StaffCertificate.issued(serial, username, notBefore, notBefore.plus(validity),
                credential.certificateDer());
        refusalsAudited(actor, target, () -> retrying.inTransaction(() -> {
            check(actor, username); // again on the account as stored now
            Optional<StaffCertificate> previous = certificates.currentStaffCertificate(username);
            previous.ifPresent(p -> certificates.endStaffCertificate(p.ended(notBefore, RevocationReason.SUPERSEDED)));
            certificates.insertStaffCertificate(issued);
            audit.success(actor.auditName(), ACTION, target, "serial " + serial.hex() + ", valid until "
                    + issued.notAfter() + previous.map(p -> "; supersedes serial " + p.serial().hex()).orElse(""));
            return null;
        }));
        return new IssuedStaffCertificate(issued, credential.pkcs12(), password);
    }

    /** Runs {@code work}; its refusal is audited and thrown. */
    private void refusalsAudited(Actor actor, String target, Runnable work) {
        try {
            work.run();
        } catch (RequestRefusedException e) {
            throw audit.refused(actor.auditName(), ACTION, target, e);
        }
    }

    private void check(Actor actor, String username) {
        AdministrationPolicy.check(actor, AdministrativeAction.MANAGE_STAFF).ifPresent(Refusals::refuse);
        StaffAccount account = (StaffAccount.isValidUsername(username) ? staff.loadStaff(username)
                : Optional.<StaffAccount>empty()).orElseThrow(() -> refusal(Code.UNKNOWN_STAFF_ACCOUNT));
        StaffAdministration.check(actor, StaffChange.ISSUE_CERTIFICATE, account, null,
                staff.countActiveSecurityAdministrators(), clock.instant()).ifPresent(Refusals::refuse);
    }
}
