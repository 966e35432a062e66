package certrenewal.application.service;

import certrenewal.application.port.in.IssueCertificateCommand;
import certrenewal.application.port.in.IssueCertificateUseCase;
import certrenewal.application.port.in.IssuedCertificate;
import certrenewal.application.port.in.RegisterContractCommand;
import certrenewal.application.port.in.RegisterContractUseCase;
import certrenewal.application.port.in.RegisterLoginIdCommand;
import certrenewal.application.port.in.RegisterLoginIdUseCase;
import certrenewal.application.port.in.RequestRefusedException;
import certrenewal.application.port.out.AuditTrailPort;
import certrenewal.application.port.out.CertificateAuthorityPort;
import certrenewal.application.port.out.CertificateAuthorityPort.CheckedRequest;
import certrenewal.application.port.out.ConcurrentUpdateException;
import certrenewal.application.port.out.ContractPort;
import certrenewal.application.port.out.LoadAccountPort;
import certrenewal.application.port.out.SaveAccountPort;
import certrenewal.application.port.out.SaveCertificatePort;
import certrenewal.application.port.out.TransactionPort;
import certrenewal.domain.Rejection;
import certrenewal.domain.Rejection.Code;
import certrenewal.domain.account.AccountStatus;
import certrenewal.domain.account.Contract;
import certrenewal.domain.account.IdKind;
import certrenewal.domain.account.LoginAccount;
import certrenewal.domain.certificate.Certificate;
import certrenewal.domain.renewal.RenewalPolicy;
import java.time.Clock;
import java.util.List;

/** Contracts, their login IDs, and an ID's first certificate. */
public final class RegistrationService implements RegisterContractUseCase, RegisterLoginIdUseCase, IssueCertificateUseCase {
    private static final System.Logger LOG = System.getLogger(RegistrationService.class.getName());

    private final ContractPort contracts;
    private final LoadAccountPort accounts;
    private final SaveAccountPort savedAccounts;
    private final CertificateAuthorityPort authority;
    private final TransactionPort transactions;
    private final RenewalPolicy policy;
    private final Clock clock;
    private final Audit audit;
    private final CertificateIssuer issuer;

    public RegistrationService(ContractPort contracts, LoadAccountPort accounts, SaveAccountPort savedAccounts,
                               SaveCertificatePort savedCertificates, CertificateAuthorityPort authority,
                               AuditTrailPort auditTrail, TransactionPort transactions, RenewalPolicy policy, Clock clock) {
        this.contracts = contracts;
        this.accounts = accounts;
        this.savedAccounts = savedAccounts;
        this.authority = authority;
        this.transactions = transactions;
        this.policy = policy;
        this.clock = clock;
        this.audit = new Audit(auditTrail, transactions, clock);
        this.issuer = new CertificateIssuer(authority, savedCertificates, audit);
    }

    @Override
    public void register(RegisterContractCommand command) {
        Contract contract = command.contract();
        try {
            transactions.inTransaction(() -> {
                if (contracts.loadContract(contract.number()).isPresent()) {
                    throw new RequestRefusedException(Rejection.of(Code.CONTRACT_EXISTS));
                }
                contracts.insertContract(contract);
                insertAccount(LoginAccount.register(command.administrator(), contract.number(), IdKind.ADMINISTRATOR));
                audit.success(command.actor(), "CONTRACT_REGISTERED", "contract:" + contract.number(),
                        contract.name() + ", administrator " + command.administrator());
            });
        } catch (RequestRefusedException e) {
            throw audit.refused(command.actor(), "CONTRACT_REGISTERED", "contract:" + contract.number(), e);
        }
    }

    @Override
    public void register(RegisterLoginIdCommand command) {
        try {
            transactions.inTransaction(() -> {
                if (contracts.loadContract(command.contract()).isEmpty()) {
                    throw new RequestRefusedException(Rejection.of(Code.UNKNOWN_CONTRACT));
                }
                insertAccount(LoginAccount.register(command.loginId(), command.contract(), command.kind()));
                audit.success(command.actor(), "LOGIN_ID_REGISTERED", "login-id:" + command.loginId(),
                        command.kind() + " of contract " + command.contract());
            });
        } catch (RequestRefusedException e) {
            throw audit.refused(command.actor(), "LOGIN_ID_REGISTERED", "login-id:" + command.loginId(), e);
        }
    }

    @Override
    public IssuedCertificate issue(IssueCertificateCommand command) {
        String target = "login-id:" + command.loginId();
        if (command.validity().compareTo(policy.validity()) > 0) {
            throw new IllegalArgumentException("validity must not exceed " + policy.validity());
        }
        try {
            CheckedRequest request = authority.checkRequest(command.pkcs10Der());
            // Fetched before the commit: once the certificate is committed, nothing may fail before it is handed out.
            List<byte[]> caChain = authority.caCertificates();
            Certificate certificate = transactions.inTransaction(() -> {
                LoginAccount account = accounts.loadAccount(command.loginId())
                        .orElseThrow(() -> new RequestRefusedException(Rejection.of(Code.UNKNOWN_LOGIN_ID)));
                if (account.status() != AccountStatus.ACTIVE) {
                    throw new RequestRefusedException(Rejection.of(
                            account.status() == AccountStatus.LOCKED ? Code.ID_LOCKED : Code.ID_REVOKED));
                }
                if (account.currentCertificateSerial().isPresent()) {
                    throw new RequestRefusedException(Rejection.of(Code.ALREADY_HAS_CERTIFICATE));
                }
                Contract contract = contracts.loadContract(account.contract())
                        .orElseThrow(() -> new RequestRefusedException(Rejection.of(Code.UNKNOWN_CONTRACT)));
                Certificate issued = issuer.issue(account, contract, request, clock.instant(), command.validity(), command.actor());
                savedAccounts.updateAccount(account.withCurrentCertificate(issued.serial()));
                return issued;
            });
            return new IssuedCertificate(certificate, caChain);
        } catch (RequestRefusedException e) {
            throw audit.refused(command.actor(), "CERTIFICATE_ISSUED", target, e);
        } catch (ConcurrentUpdateException e) {
            throw audit.refused(command.actor(), "CERTIFICATE_ISSUED", target,
                    new RequestRefusedException(Rejection.of(Code.ALREADY_HAS_CERTIFICATE)));
        } catch (RuntimeException e) {
            LOG.log(System.Logger.Level.ERROR, "issuance failed for " + command.loginId(), e);
            audit.failed(command.actor(), "CERTIFICATE_ISSUED", target, Code.ISSUANCE_FAILED + ": " + e.getClass().getSimpleName());
            throw new RequestRefusedException(Rejection.of(Code.ISSUANCE_FAILED));
        }
    }

    private void insertAccount(LoginAccount account) {
        if (accounts.loadAccount(account.id()).isPresent()) {
            throw new RequestRefusedException(Rejection.of(Code.LOGIN_ID_EXISTS));
        }
        savedAccounts.insertAccount(account);
    }
}
