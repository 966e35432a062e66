package certrenewal.application.service;

import certrenewal.application.port.in.GetCrlUseCase;
import certrenewal.application.port.in.RequestRefusedException;
import certrenewal.application.port.in.admin.IssuancePassword;
import certrenewal.application.port.in.admin.ListContractIdsUseCase;
import certrenewal.application.port.in.admin.LoginIdSummary;
import certrenewal.application.port.in.admin.OpenContractCommand;
import certrenewal.application.port.in.admin.OpenContractUseCase;
import certrenewal.application.port.in.admin.RegisterUserIdCommand;
import certrenewal.application.port.in.admin.RegisterUserIdUseCase;
import certrenewal.application.port.in.admin.ReissueCertificateCommand;
import certrenewal.application.port.in.admin.ReissueCertificateUseCase;
import certrenewal.application.port.in.admin.RevokeCertificateCommand;
import certrenewal.application.port.in.admin.RevokeCertificateUseCase;
import certrenewal.application.port.in.admin.UnlockLoginIdUseCase;
import certrenewal.application.port.out.AuditTrailPort;
import certrenewal.application.port.out.ConcurrentUpdateException;
import certrenewal.application.port.out.ConsoleQueryPort;
import certrenewal.application.port.out.ContractPort;
import certrenewal.application.port.out.IssuanceGrant;
import certrenewal.application.port.out.IssuanceGrantPort;
import certrenewal.application.port.out.LoadAccountPort;
import certrenewal.application.port.out.LoadCertificatePort;
import certrenewal.application.port.out.PasswordHasherPort;
import certrenewal.application.port.out.PasswordPort;
import certrenewal.application.port.out.RenewalPort;
import certrenewal.application.port.out.SaveAccountPort;
import certrenewal.application.port.out.SaveCertificatePort;
import certrenewal.application.port.out.StaffAccount;
import certrenewal.application.port.out.StaffAccountPort;
import certrenewal.application.port.out.TransactionPort;
import certrenewal.domain.Rejection;
import certrenewal.domain.Rejection.Code;
import certrenewal.domain.account.AccountStatus;
import certrenewal.domain.account.Contract;
import certrenewal.domain.account.ContractNumber;
import certrenewal.domain.account.IdKind;
import certrenewal.domain.account.LoginAccount;
import certrenewal.domain.account.LoginId;
import certrenewal.domain.administration.Actor;
import certrenewal.domain.administration.AdministrationPolicy;
import certrenewal.domain.administration.AdministrativeAction;
import certrenewal.domain.certificate.Certificate;
import certrenewal.domain.certificate.CertificateStatus;
import certrenewal.domain.certificate.RevocationReason;
import certrenewal.domain.certificate.SerialNumber;
import certrenewal.domain.renewal.Renewal;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Supplier;
import java.util.stream.Collectors;

/**
 * What a customer's administrator and the bank's operators do to contracts, login IDs and
 * certificates. Every call asks {@link AdministrationPolicy} first; revocation and re-issue also
 * want the acting person's own password again. Each change commits with its audit entry; every
 * refusal is audited.
 */
public final class AdministrationService implements RevokeCertificateUseCase, ReissueCertificateUseCase,
        UnlockLoginIdUseCase, RegisterUserIdUseCase, OpenContractUseCase, ListContractIdsUseCase {

    static final int ISSUANCE_PASSWORD_LENGTH = 16;
    private static final int TRANSACTION_ATTEMPTS = 3;
    private static final System.Logger LOG = System.getLogger(AdministrationService.class.getName());

    private final LoadAccountPort accounts;
    private final SaveAccountPort savedAccounts;
    private final ContractPort contracts;
    private final LoadCertificatePort certificates;
    private final SaveCertificatePort savedCertificates;
    private final RenewalPort renewals;
    private final PasswordPort passwords;
    private final PasswordHasherPort hasher;
    private final StaffAccountPort staff;
    private final IssuanceGrantPort grants;
    private final ConsoleQueryPort queries;
    private final GetCrlUseCase crl;
    private final TransactionPort transactions;
    private final Duration pickupPeriod;
    private final Clock clock;
    private final Audit audit;
    private final RandomPasswords randomPasswords = new RandomPasswords();

    /**
     * @param crl regenerated after every commit that revoked a certificate
     * @param pickupPeriod how long an issuance password can be used (default 80 days)
     */
    public AdministrationService(LoadAccountPort accounts, SaveAccountPort savedAccounts, ContractPort contracts,
                                 LoadCertificatePort certificates, SaveCertificatePort savedCertificates,
                                 RenewalPort renewals, PasswordPort passwords, PasswordHasherPort hasher,
                                 StaffAccountPort staff, IssuanceGrantPort grants, ConsoleQueryPort queries,
                                 GetCrlUseCase crl, AuditTrailPort auditTrail, TransactionPort transactions,
                                 Duration pickupPeriod, Clock clock) {
        Objects.requireNonNull(pickupPeriod, "pickup period must not be null");
        if (pickupPeriod.isNegative() || pickupPeriod.isZero()) {
            throw new IllegalArgumentException("the pickup period must be positive");
        }
        this.accounts = accounts;
        this.savedAccounts = savedAccounts;
        this.contracts = contracts;
        this.certificates = certificates;
        this.savedCertificates = savedCertificates;
        this.renewals = renewals;
        this.passwords = passwords;
        this.hasher = hasher;
        this.staff = staff;
        this.grants = grants;
        this.queries = queries;
        this.crl = crl;
        this.transactions = transactions;
        this.pickupPeriod = pickupPeriod;
        this.clock = clock;
        this.audit = new Audit(auditTrail, transactions, clock);
    }

    // ---- 失効: revocation ----

    @Override
    public void revoke(RevokeCertificateCommand command) {
        Actor actor = command.actor();
        SerialNumber serial = command.serial();
        String target = "certificate:" + serial.hex();
        try {
            Optional<LoginAccount> owner = certificates.loadCertificate(serial).flatMap(c -> accounts.loadAccount(c.owner()));
            permit(actor, AdministrativeAction.REVOKE_CERTIFICATE, owner, Code.UNKNOWN_CERTIFICATE);
            confirm(actor, command.confirmationPassword());
            inTransaction(() -> {
                Instant now = clock.instant();
                Certificate certificate = certificates.loadCertificate(serial)
                        .orElseThrow(() -> refusal(Code.UNKNOWN_CERTIFICATE));
                requireActive(certificate, now);
                LoginAccount account = accounts.loadAccount(certificate.owner())
                        .orElseThrow(() -> refusal(Code.UNKNOWN_CERTIFICATE));
                savedCertificates.updateCertificate(certificate.revoke(command.reason(), now));
                List<SerialNumber> alsoRevoked = List.of();
                if (account.currentCertificateSerial().filter(serial::equals).isPresent()) {
                    // a renewed certificate not used yet would otherwise become current at its first use
                    alsoRevoked = endPendingRenewals(account.id(), command.reason(), now, actor,
                            "the current certificate was revoked");
                    savedAccounts.updateAccount(account); // claims the ID against a parallel renewal or confirmation
                } else {
                    renewals.findUnconfirmedRenewalIssuing(serial).ifPresent(renewal -> renewals.updateRenewal(
                            renewal.decline("its new certificate was revoked", now)));
                }
                audit.success(actor.auditName(), "CERTIFICATE_REVOKED", target, "login ID " + certificate.owner()
                        + ", reason " + command.reason() + alsoRevokedText(alsoRevoked));
                return null;
            });
        } catch (RequestRefusedException e) {
            throw audit.refused(actor.auditName(), "CERTIFICATE_REVOKED", target, e);
        }
        publishCrl();
    }

    // ---- 再発行: re-issue ----

    @Override
    public IssuancePassword reissue(ReissueCertificateCommand command) {
        Actor actor = command.actor();
        LoginId id = command.target();
        String target = "login-id:" + id;
        try {
            permit(actor, AdministrativeAction.REISSUE_CERTIFICATE, accounts.loadAccount(id), Code.UNKNOWN_LOGIN_ID);
            confirm(actor, command.confirmationPassword());
            String password = randomPasswords.next(ISSUANCE_PASSWORD_LENGTH);
            String hash = hasher.hash(password.toCharArray());
            Reissued reissued = inTransaction(() -> {
                Instant now = clock.instant();
                LoginAccount account = accounts.loadAccount(id).orElseThrow(() -> refusal(Code.UNKNOWN_LOGIN_ID));
                if (account.status() == AccountStatus.REVOKED) {
                    throw refusal(Code.ID_REVOKED);
                }
                List<SerialNumber> revoked = new ArrayList<>();
                account.currentCertificateSerial().flatMap(certificates::loadCertificate)
                        .filter(c -> c.statusAt(now) == CertificateStatus.ACTIVE)
                        .ifPresent(current -> {
                            savedCertificates.updateCertificate(current.revoke(RevocationReason.SUPERSEDED, now));
                            revoked.add(current.serial());
                        });
                revoked.addAll(endPendingRenewals(id, RevocationReason.SUPERSEDED, now, actor,
                        "the certificate was re-issued"));
                savedAccounts.updateAccount(account.withoutCertificate());
                Instant deadline = grant(id, hash, now);
                audit.success(actor.auditName(), "CERTIFICATE_REISSUED", target,
                        (revoked.isEmpty() ? "no active certificate" : "superseded " + hexList(revoked))
                                + "; issuance password valid until " + deadline);
                return new Reissued(deadline, !revoked.isEmpty());
            });
            if (reissued.revokedAny()) {
                publishCrl();
            }
            return new IssuancePassword(password, reissued.deadline());
        } catch (RequestRefusedException e) {
            throw audit.refused(actor.auditName(), "CERTIFICATE_REISSUED", target, e);
        }
    }

    private record Reissued(Instant deadline, boolean revokedAny) {
    }

    // ---- ロック解除: unlock ----

    @Override
    public void unlock(Actor actor, LoginId id) {
        Objects.requireNonNull(actor, "actor must not be null");
        String target = "login-id:" + id;
        try {
            permit(actor, AdministrativeAction.UNLOCK_ID, accounts.loadAccount(id), Code.UNKNOWN_LOGIN_ID);
            inTransaction(() -> {
                LoginAccount account = accounts.loadAccount(id).orElseThrow(() -> refusal(Code.UNKNOWN_LOGIN_ID));
                if (account.status() != AccountStatus.LOCKED) {
                    throw refusal(Code.NOT_LOCKED);
                }
                savedAccounts.updateAccount(account.unlock());
                audit.success(actor.auditName(), "ID_UNLOCKED", target,
                        "after " + account.failedPasswordAttempts() + " wrong passwords");
                return null;
            });
        } catch (RequestRefusedException e) {
            throw audit.refused(actor.auditName(), "ID_UNLOCKED", target, e);
        }
    }

    // ---- 利用者登録 and contracts ----

    @Override
    public IssuancePassword register(RegisterUserIdCommand command) {
        Actor actor = command.actor();
        LoginId id = command.loginId();
        String target = "login-id:" + id;
        try {
            permit(actor, AdministrativeAction.REGISTER_USER_ID, command.contract());
            LoginPasswords.requireAcceptable(command.initialLoginPassword());
            String loginHash = hasher.hash(command.initialLoginPassword());
            String password = randomPasswords.next(ISSUANCE_PASSWORD_LENGTH);
            String issuanceHash = hasher.hash(password.toCharArray());
            Instant deadline = inTransaction(() -> {
                if (contracts.loadContract(command.contract()).isEmpty()) {
                    throw refusal(Code.UNKNOWN_CONTRACT);
                }
                Instant granted = insertWithPasswords(LoginAccount.register(id, command.contract(), IdKind.USER),
                        loginHash, issuanceHash);
                audit.success(actor.auditName(), "LOGIN_ID_REGISTERED", target, "USER of contract "
                        + command.contract() + "; issuance password valid until " + granted);
                return granted;
            });
            return new IssuancePassword(password, deadline);
        } catch (RequestRefusedException e) {
            throw audit.refused(actor.auditName(), "LOGIN_ID_REGISTERED", target, e);
        }
    }

    @Override
    public IssuancePassword open(OpenContractCommand command) {
        Actor actor = command.actor();
        Contract contract = command.contract();
        String target = "contract:" + contract.number();
        try {
            permit(actor, AdministrativeAction.REGISTER_CONTRACT, contract.number());
            LoginPasswords.requireAcceptable(command.initialLoginPassword());
            String loginHash = hasher.hash(command.initialLoginPassword());
            String password = randomPasswords.next(ISSUANCE_PASSWORD_LENGTH);
            String issuanceHash = hasher.hash(password.toCharArray());
            Instant deadline = inTransaction(() -> {
                if (contracts.loadContract(contract.number()).isPresent()) {
                    throw refusal(Code.CONTRACT_EXISTS);
                }
                contracts.insertContract(contract);
                Instant granted = insertWithPasswords(
                        LoginAccount.register(command.administrator(), contract.number(), IdKind.ADMINISTRATOR),
                        loginHash, issuanceHash);
                audit.success(actor.auditName(), "CONTRACT_REGISTERED", target, contract.name() + ", administrator "
                        + command.administrator() + "; issuance password valid until " + granted);
                return granted;
            });
            return new IssuancePassword(password, deadline);
        } catch (RequestRefusedException e) {
            throw audit.refused(actor.auditName(), "CONTRACT_REGISTERED", target, e);
        }
    }

    @Override
    public List<LoginIdSummary> list(Actor actor, ContractNumber contract) {
        Objects.requireNonNull(actor, "actor must not be null");
        Objects.requireNonNull(contract, "contract must not be null");
        try {
            permit(actor, AdministrativeAction.LIST_CONTRACT_IDS, contract);
            if (contracts.loadContract(contract).isEmpty()) {
                throw refusal(Code.UNKNOWN_CONTRACT);
            }
        } catch (RequestRefusedException e) {
            throw audit.refused(actor.auditName(), "LOGIN_IDS_LISTED", "contract:" + contract, e);
        }
        return queries.loginIdsOf(contract, clock.instant());
    }

    // ---- the rules every call shares ----

    /** An action on a contract, or on none. */
    private static void permit(Actor actor, AdministrativeAction action, ContractNumber contract) {
        AdministrationPolicy.check(actor, action, contract, null).ifPresent(AdministrationService::refuse);
    }

    /**
     * An action on a login ID. When the ID (or certificate) is unknown, only who may search every
     * contract learns so ({@code unknown}); anyone else gets NOT_PERMITTED, as for an ID it may not
     * touch, so that a customer cannot probe other contracts.
     */
    private static void permit(Actor actor, AdministrativeAction action, Optional<LoginAccount> target, Code unknown) {
        if (target.isEmpty()) {
            boolean maySearch = AdministrationPolicy.check(actor, AdministrativeAction.SEARCH, null, null).isEmpty();
            throw refusal(maySearch ? unknown : Code.NOT_PERMITTED);
        }
        AdministrationPolicy.check(actor, action, null, target.get()).ifPresent(AdministrationService::refuse);
    }

    /**
     * The acting person's own password, typed again: a customer administrator's login password,
     * a staff member's console password. A wrong one is refused but not counted towards any
     * lock-out: the person is already logged in, and a slip here must not lock them out.
     */
    private void confirm(Actor actor, char[] password) {
        boolean confirmed = switch (actor) {
            case Actor.CustomerAdministrator admin ->
                    passwords.loadPasswordHash(admin.loginId()).filter(hash -> hasher.matches(password, hash)).isPresent();
            case Actor.Staff member -> staff.loadStaff(member.username()).map(StaffAccount::passwordHash)
                    .filter(hash -> hasher.matches(password, hash)).isPresent();
            case Actor.System system -> true;
        };
        if (!confirmed) {
            throw refusal(Code.WRONG_CONFIRMATION_PASSWORD);
        }
    }

    private static void requireActive(Certificate certificate, Instant now) {
        switch (certificate.statusAt(now)) {
            case REVOKED -> throw refusal(Code.CERTIFICATE_REVOKED);
            case SUPERSEDED -> throw refusal(Code.CERTIFICATE_SUPERSEDED);
            case EXPIRED -> throw refusal(Code.CERTIFICATE_EXPIRED);
            case ACTIVE -> {
                // may be revoked
            }
        }
    }

    /**
     * Ends what could still give the ID a certificate behind the administrator's back: an open
     * renewal, and issued renewals whose new certificate has not been used (that certificate is
     * revoked with {@code reason}). Returns the serials revoked.
     */
    private List<SerialNumber> endPendingRenewals(LoginId id, RevocationReason reason, Instant now, Actor actor,
                                                  String why) {
        String actorName = actor.auditName();
        renewals.findOpenRenewal(id).ifPresent(renewal -> {
            if (renewal instanceof Renewal.Open open) {
                renewals.updateRenewal(open.abandon(why, now));
                audit.success(actorName, "RENEWAL_ABANDONED", "renewal:" + renewal.id(), why);
            }
        });
        List<SerialNumber> revoked = new ArrayList<>();
        for (Renewal.Issued unused : renewals.findUnconfirmedRenewals(id)) {
            renewals.updateRenewal(unused.decline(why, now));
            certificates.loadCertificate(unused.newSerial())
                    .filter(c -> c.statusAt(now) == CertificateStatus.ACTIVE)
                    .ifPresent(c -> {
                        savedCertificates.updateCertificate(c.revoke(reason, now));
                        revoked.add(c.serial());
                    });
            audit.success(actorName, "RENEWAL_ABANDONED", "renewal:" + unused.id(),
                    why + "; unused certificate " + unused.newSerial().hex() + " revoked");
        }
        return revoked;
    }

    /** Inserts the ID with its login password and its first issuance password; returns the deadline. */
    private Instant insertWithPasswords(LoginAccount account, String loginHash, String issuanceHash) {
        if (accounts.loadAccount(account.id()).isPresent()) {
            throw refusal(Code.LOGIN_ID_EXISTS);
        }
        savedAccounts.insertAccount(account);
        passwords.savePasswordHash(account.id(), loginHash);
        return grant(account.id(), issuanceHash, clock.instant());
    }

    private Instant grant(LoginId id, String hash, Instant now) {
        Instant deadline = now.plus(pickupPeriod);
        grants.saveGrant(new IssuanceGrant(id, hash, deadline));
        return deadline;
    }

    /** Runs {@code work} in a transaction, again when a concurrent change got in first: it judges afresh what is stored then. */
    private <T> T inTransaction(Supplier<T> work) {
        for (int attempt = 1; ; attempt++) {
            try {
                return transactions.inTransaction(work);
            } catch (ConcurrentUpdateException e) {
                if (attempt >= TRANSACTION_ATTEMPTS) {
                    throw e;
                }
            }
        }
    }

    /** After the commit: a revocation is in force at once here, and in the CRL from this moment on. */
    private void publishCrl() {
        try {
            crl.publishCrl();
        } catch (RuntimeException e) {
            // the revocation is committed; the CRL service retries when the CRL is next asked for
            LOG.log(System.Logger.Level.ERROR, "the CRL could not be regenerated after a revocation", e);
        }
    }

    private static String alsoRevokedText(List<SerialNumber> serials) {
        return serials.isEmpty() ? "" : "; unused renewed certificate " + hexList(serials) + " revoked too";
    }

    private static String hexList(List<SerialNumber> serials) {
        return serials.stream().map(SerialNumber::hex).collect(Collectors.joining(", "));
    }

    private static RequestRefusedException refusal(Code code) {
        return new RequestRefusedException(Rejection.of(code));
    }

    private static void refuse(Rejection rejection) {
        throw new RequestRefusedException(rejection);
    }
}
