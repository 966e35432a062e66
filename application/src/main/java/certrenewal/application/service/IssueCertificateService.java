package certrenewal.application.service;

import static certrenewal.application.service.Refusals.refusal;

import certrenewal.application.port.in.IssueCertificateCommand;
import certrenewal.application.port.in.IssueCertificateUseCase;
import certrenewal.application.port.in.IssuedCertificate;
import certrenewal.application.port.in.RequestRefusedException;
import certrenewal.application.port.out.AuditTrailPort;
import certrenewal.application.port.out.CertificateAuthorityPort;
import certrenewal.application.port.out.IssuanceGrantPort;
import certrenewal.application.port.out.LoadAccountPort;
import certrenewal.application.port.out.LoadCertificatePort;
import certrenewal.application.port.out.SaveAccountPort;
import certrenewal.application.port.out.SaveCertificatePort;
import certrenewal.application.port.out.TransactionPort;
import certrenewal.domain.Rejection.Code;
import certrenewal.domain.account.LoginAccount;
import certrenewal.domain.administration.AdministrativeAction;
import certrenewal.domain.certificate.Certificate;
import certrenewal.domain.certificate.IssuanceRules;
import certrenewal.domain.renewal.RenewalPolicy;
import java.time.Clock;

/**
 * A first certificate delivered directly to an ID that holds none, instead of through its pickup:
 * the system's alone (demo data, test set-ups). A waiting issuance password is used up with it.
 */
public final class IssueCertificateService implements IssueCertificateUseCase {
    private static final String ACTION = "CERTIFICATE_ISSUED";

    private final LoadAccountPort accounts;
    private final SaveAccountPort savedAccounts;
    private final IssuanceGrantPort grants;
    private final RenewalPolicy policy;
    private final Clock clock;
    private final Audit audit;
    private final CertificateIssuer issuer;
    private final AllOrNothingIssuance issuance;

    public IssueCertificateService(LoadAccountPort accounts, SaveAccountPort savedAccounts, IssuanceGrantPort grants, LoadCertificatePort certificates,
                                   SaveCertificatePort savedCertificates,
                                   CertificateAuthorityPort authority, AuditTrailPort auditTrail,
                                   TransactionPort transactions, RenewalPolicy policy, IssuanceRules rules,
                                   Clock clock) {
        this.accounts = accounts;
        this.savedAccounts = savedAccounts;
        this.grants = grants;
        this.policy = policy;
        this.clock = clock;
        this.audit = new Audit(auditTrail, transactions, clock);
        this.issuer = new CertificateIssuer(authority, certificates, savedCertificates, rules, audit);
        this.issuance = new AllOrNothingIssuance(authority, transactions);
    }

    @Override
    public IssuedCertificate issue(IssueCertificateCommand command) {
        if (command.validity().compareTo(policy.validity()) > 0) {
            throw new IllegalArgumentException("validity must not exceed " + policy.validity());
        }
        String actor = command.actor().auditName();
        String target = "login-id:" + command.loginId();
        try {
            Permissions.permit(command.actor(), AdministrativeAction.ISSUE_CERTIFICATE);
        } catch (RequestRefusedException e) {
            throw audit.refused(actor, ACTION, target, e);
        }
        return issuance.issue(command.loginId().value(), command.pkcs10Der(), request -> {
            LoadAccountPort.AccountOfContract found = accounts.loadAccountWithContract(command.loginId())
                    .orElseThrow(() -> refusal(Code.UNKNOWN_LOGIN_ID));
            LoginAccount account = found.account();
            account.refusal().ifPresent(Refusals::refuse);
            if (account.currentCertificateSerial().isPresent()) {
                throw refusal(Code.ALREADY_HAS_CERTIFICATE);
            }
            Certificate issued = issuer.issue(account, found.contract(), request, clock.instant(), command.validity(), actor,
                    CertificateIssuer.Channel.DIRECT);
            savedAccounts.updateAccount(account.withCurrentCertificate(issued.serial()));
            grants.deleteGrant(account.id()); // the waiting issuance password, if any: none is the usual case
            return issued;
        }, AllOrNothingIssuance.audited(audit, actor, ACTION, target, refusal(Code.ALREADY_HAS_CERTIFICATE)));
    }
}
