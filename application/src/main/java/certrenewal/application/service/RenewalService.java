package certrenewal.application.service;

import certrenewal.application.port.in.AbandonRenewalUseCase;
import certrenewal.application.port.in.AbandonTimedOutRenewalsUseCase;
import certrenewal.application.port.in.AuthenticatedId;
import certrenewal.application.port.in.GetCrlUseCase;
import certrenewal.application.port.in.IssuedCertificate;
import certrenewal.application.port.in.PrepareRenewalUseCase;
import certrenewal.application.port.in.RenewWithCertificateUseCase;
import certrenewal.application.port.in.RequestRefusedException;
import certrenewal.application.port.in.StartRenewalUseCase;
import certrenewal.application.port.in.SubmitCertificateRequestCommand;
import certrenewal.application.port.in.SubmitCertificateRequestUseCase;
import certrenewal.application.port.out.AuditEvent;
import certrenewal.application.port.out.CertificateAuthorityPort;
import certrenewal.application.port.out.CertificateAuthorityPort.CheckedRequest;
import certrenewal.application.port.out.ConcurrentUpdateException;
import certrenewal.application.port.out.ContractPort;
import certrenewal.application.port.out.LoadAccountPort;
import certrenewal.application.port.out.LoadCertificatePort;
import certrenewal.application.port.out.RenewalPort;
import certrenewal.application.port.out.SaveAccountPort;
import certrenewal.application.port.out.SaveCertificatePort;
import certrenewal.application.port.out.TransactionPort;
import certrenewal.domain.Rejection;
import certrenewal.domain.Rejection.Code;
import certrenewal.domain.account.Contract;
import certrenewal.domain.account.LoginAccount;
import certrenewal.domain.certificate.Certificate;
import certrenewal.domain.certificate.CertificateStatus;
import certrenewal.domain.renewal.Renewal;
import certrenewal.domain.renewal.RenewalEligibility;
import certrenewal.domain.renewal.RenewalId;
import certrenewal.domain.renewal.RenewalPolicy;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** The renewal of a login ID's own certificate, step by step (browser) or in one go (EST). */
public final class RenewalService implements StartRenewalUseCase, PrepareRenewalUseCase,
        SubmitCertificateRequestUseCase, AbandonRenewalUseCase, AbandonTimedOutRenewalsUseCase,
        RenewWithCertificateUseCase {

    private static final int TIMEOUT_SWEEP_BATCH = 500;

    private static final System.Logger LOG = System.getLogger(RenewalService.class.getName());

    private final LoadAccountPort accounts;
    private final SaveAccountPort savedAccounts;
    private final ContractPort contracts;
    private final LoadCertificatePort certificates;
    private final SaveCertificatePort savedCertificates;
    private final RenewalPort renewals;
    private final CertificateAuthorityPort authority;
    private final TransactionPort transactions;
    private final GetCrlUseCase crl;
    private final RenewalPolicy policy;
    private final Clock clock;
    private final Audit audit;
    private final CertificateIssuer issuer;

    public RenewalService(LoadAccountPort accounts, SaveAccountPort savedAccounts, ContractPort contracts,
                          LoadCertificatePort certificates, SaveCertificatePort savedCertificates,
                          RenewalPort renewals, CertificateAuthorityPort authority,
                          certrenewal.application.port.out.AuditTrailPort auditTrail,
                          TransactionPort transactions, GetCrlUseCase crl, RenewalPolicy policy, Clock clock) {
        this.accounts = accounts;
        this.savedAccounts = savedAccounts;
        this.contracts = contracts;
        this.certificates = certificates;
        this.savedCertificates = savedCertificates;
        this.renewals = renewals;
        this.authority = authority;
        this.transactions = transactions;
        this.crl = crl;
        this.policy = policy;
        this.clock = clock;
        this.audit = new Audit(auditTrail, transactions, clock);
        this.issuer = new CertificateIssuer(authority, savedCertificates, audit);
    }

    @Override
    public Renewal.Started start(AuthenticatedId who) {
        String actor = who.loginId().value();
        try {
            boolean[] revokedUnused = new boolean[1];
            Renewal.Started result = transactions.inTransaction(() -> {
                Instant now = clock.instant();
                Renewal.Started started = Renewal.start(who.loginId(), eligibleCertificate(who, now, revokedUnused).serial(), now);
                renewals.insertRenewal(started);
                audit.success(actor, "RENEWAL_STARTED", target(started), "renewing certificate " + who.certificate().hex());
                return started;
            });
            republishCrlIf(revokedUnused[0]);
            return result;
        } catch (ConcurrentUpdateException e) {
            throw audit.refused(actor, "RENEWAL_STARTED", "login-id:" + actor,
                    new RequestRefusedException(Rejection.of(Code.RENEWAL_ALREADY_OPEN)));
        } catch (RequestRefusedException e) {
            throw audit.refused(actor, "RENEWAL_STARTED", "login-id:" + actor, e);
        }
    }

    @Override
    public Renewal.Started startOver(AuthenticatedId who) {
        renewals.findOpenRenewal(who.loginId()).ifPresent(renewal -> {
            if (renewal instanceof Renewal.Open open) {
                try {
                    transactions.inTransaction(() -> {
                        Renewal.Abandoned abandoned = open.abandon("the customer started over", clock.instant());
                        renewals.updateRenewal(abandoned);
                        audit.success(who.loginId().value(), "RENEWAL_ABANDONED", target(abandoned), "started over");
                    });
                } catch (ConcurrentUpdateException e) {
                    // it moved on meanwhile; start() below judges what is there now
                }
            }
        });
        return start(who);
    }

    @Override
    public Renewal.AwaitingKey prepare(RenewalId id, AuthenticatedId who) {
        Renewal.Started started;
        switch (openRenewalOf(id, who)) {
            case Renewal.Started s -> started = s;
            case Renewal.AwaitingKey a -> {
                return a; // a reload of the start screen: already prepared
            }
        }
        return transactions.inTransaction(() -> {
            Renewal.AwaitingKey awaiting = started.awaitKey();
            renewals.updateRenewal(awaiting);
            audit.success(who.loginId().value(), "RENEWAL_AWAITING_KEY", target(awaiting), "");
            return awaiting;
        });
    }

    @Override
    public IssuedCertificate submit(SubmitCertificateRequestCommand command) {
        AuthenticatedId who = command.who();
        String actor = who.loginId().value();
        Renewal.AwaitingKey awaiting = switch (openRenewalOf(command.renewal(), who)) {
            case Renewal.AwaitingKey a -> a;
            case Renewal.Started s -> throw new RequestRefusedException(Rejection.of(Code.RENEWAL_NOT_FOUND,
                    "The renewal has not been prepared yet."));
        };
        CheckedRequest request;
        try {
            request = authority.checkRequest(command.pkcs10Der());
        } catch (RequestRefusedException e) {
            failRenewal(awaiting, e.rejection());
            throw e;
        }
        try {
            // Fetched before the commit: once the certificate is committed, nothing may fail before it is handed out.
            List<byte[]> caChain = authority.caCertificates();
            Certificate issued = transactions.inTransaction(() -> {
                Instant now = clock.instant();
                LoginAccount account = loadAccount(who);
                Certificate old = loadCertificate(awaiting.oldSerial());
                RenewalEligibility.check(account, old, Optional.empty(), now, policy).ifPresent(RenewalService::refuse);
                Certificate certificate = issuer.issue(account, loadContract(account), request, now, policy.validity(), actor);
                renewals.updateRenewal(awaiting.issue(certificate.serial(), now));
                return certificate;
            });
            return new IssuedCertificate(issued, caChain);
        } catch (RequestRefusedException e) {
            failRenewal(awaiting, e.rejection());
            throw e;
        } catch (ConcurrentUpdateException e) {
            throw new RequestRefusedException(Rejection.of(Code.RENEWAL_NOT_FOUND,
                    "This renewal was completed or ended by another request."));
        } catch (RuntimeException e) {
            LOG.log(System.Logger.Level.ERROR, "issuance failed for renewal " + awaiting.id(), e);
            // Nothing was committed: no certificate leaves the CA without its record and audit entry.
            failRenewal(awaiting, Rejection.of(Code.ISSUANCE_FAILED));
            throw new RequestRefusedException(Rejection.of(Code.ISSUANCE_FAILED));
        }
    }

    @Override
    public IssuedCertificate renew(AuthenticatedId who, byte[] pkcs10Der) {
        String actor = who.loginId().value();
        String target = "login-id:" + actor;
        CheckedRequest request;
        try {
            request = authority.checkRequest(pkcs10Der);
        } catch (RequestRefusedException e) {
            throw audit.refused(actor, "RENEWAL_REQUESTED", target, e);
        }
        Renewal.AwaitingKey[] attempt = new Renewal.AwaitingKey[1];
        boolean[] revokedUnused = new boolean[1];
        try {
            // Fetched before the commit: once the certificate is committed, nothing may fail before it is handed out.
            List<byte[]> caChain = authority.caCertificates();
            Certificate issued = transactions.inTransaction(() -> {
                Instant now = clock.instant();
                Certificate old = eligibleCertificate(who, now, revokedUnused);
                LoginAccount account = loadAccount(who);
                attempt[0] = Renewal.start(who.loginId(), old.serial(), now).awaitKey();
                Certificate certificate = issuer.issue(account, loadContract(account), request, now, policy.validity(), actor);
                Renewal.Issued renewal = attempt[0].issue(certificate.serial(), now);
                renewals.insertRenewal(renewal);
                audit.success(actor, "RENEWAL_ISSUED", target(renewal), "new certificate " + certificate.serial().hex());
                return certificate;
            });
            republishCrlIf(revokedUnused[0]);
            return new IssuedCertificate(issued, caChain);
        } catch (RequestRefusedException e) {
            throw audit.refused(actor, "RENEWAL_REQUESTED", target, e);
        } catch (ConcurrentUpdateException e) {
            throw audit.refused(actor, "RENEWAL_REQUESTED", target,
                    new RequestRefusedException(Rejection.of(Code.RENEWAL_ALREADY_OPEN)));
        } catch (RuntimeException e) {
            LOG.log(System.Logger.Level.ERROR, "issuance failed for " + actor, e);
            if (attempt[0] != null) {
                Renewal.Failed failed = attempt[0].fail(Rejection.of(Code.ISSUANCE_FAILED), clock.instant());
                transactions.inTransaction(() -> renewals.insertRenewal(failed));
            }
            audit.failed(actor, "RENEWAL_REQUESTED", target, Code.ISSUANCE_FAILED + ": " + e.getClass().getSimpleName());
            throw new RequestRefusedException(Rejection.of(Code.ISSUANCE_FAILED));
        }
    }

    @Override
    public void abandon(RenewalId id, AuthenticatedId who, String reason) {
        Renewal renewal = renewals.loadRenewal(id).filter(r -> r.loginId().equals(who.loginId())).orElse(null);
        if (renewal instanceof Renewal.Issued issued) {
            declineIssued(issued, who, reason);
            return;
        }
        Renewal.Open open = openRenewalOf(id, who);
        transactions.inTransaction(() -> {
            Renewal.Abandoned abandoned = open.abandon(reason, clock.instant());
            renewals.updateRenewal(abandoned);
            audit.success(who.loginId().value(), "RENEWAL_ABANDONED", target(abandoned), reason);
        });
    }

    /** いいえ at the second confirmation: the new certificate was never saved, so it is revoked unused. */
    private void declineIssued(Renewal.Issued issued, AuthenticatedId who, String reason) {
        transactions.inTransaction(() -> {
            Instant now = clock.instant();
            Renewal.Abandoned declined = issued.decline(reason, now);
            renewals.updateRenewal(declined);
            certificates.loadCertificate(issued.newSerial())
                    .filter(c -> c.statusAt(now) == CertificateStatus.ACTIVE)
                    .ifPresent(c -> savedCertificates.updateCertificate(
                            c.revoke(certrenewal.domain.certificate.RevocationReason.CESSATION_OF_OPERATION, now)));
            audit.success(who.loginId().value(), "RENEWAL_ABANDONED", target(declined),
                    reason + "; unused certificate " + issued.newSerial().hex() + " revoked");
        });
        republishCrlIf(true);
    }

    @Override
    public int abandonTimedOut() {
        Instant now = clock.instant();
        List<Renewal> stale = renewals.findOpenRenewalsStartedBefore(now.minus(policy.openTimeout()), TIMEOUT_SWEEP_BATCH);
        int abandoned = 0;
        for (Renewal renewal : stale) {
            if (renewal instanceof Renewal.Open open) {
                try {
                    abandonTimedOut(open);
                    abandoned++;
                } catch (ConcurrentUpdateException e) {
                    // the customer moved it on meanwhile: nothing to abandon
                }
            }
        }
        return abandoned;
    }

    /**
     * The ID's current certificate when it may be renewed now. Clears what stands in the way but
     * is no longer valid: a timed-out open renewal, and renewed certificates never used.
     */
    private Certificate eligibleCertificate(AuthenticatedId who, Instant now, boolean[] revokedUnused) {
        LoginAccount account = loadAccount(who);
        Certificate current = loadCertificate(who.certificate());
        Optional<Renewal> open = renewals.findOpenRenewal(who.loginId());
        RenewalEligibility.check(account, current, open, now, policy).ifPresent(RenewalService::refuse);
        // Claims the ID: a concurrent renewal of the same ID now fails its own claim and rolls back,
        // so two renewals can never both issue (EST stores its renewal as ISSUED, past the open-renewal constraint).
        savedAccounts.updateAccount(account);
        if (open.isPresent() && open.get() instanceof Renewal.Open timedOut) {
            Renewal.Abandoned abandoned = timedOut.abandon("timed out", now);
            renewals.updateRenewal(abandoned);
            audit.success("system", "RENEWAL_ABANDONED", target(abandoned), "timed out");
        }
        for (Renewal.Issued unused : renewals.findUnconfirmedRenewals(who.loginId())) {
            Renewal.Abandoned replaced = unused.replace(now);
            renewals.updateRenewal(replaced);
            certificates.loadCertificate(unused.newSerial())
                    .filter(c -> c.statusAt(now) == CertificateStatus.ACTIVE)
                    .ifPresent(c -> {
                        savedCertificates.updateCertificate(c.supersede(now));
                        revokedUnused[0] = true;
                    });
            audit.success(who.loginId().value(), "RENEWAL_REPLACED", target(replaced),
                    "unused certificate " + unused.newSerial().hex() + " superseded");
        }
        return current;
    }

    /** The caller's own open renewal; a timed-out one is abandoned and refused. */
    private Renewal.Open openRenewalOf(RenewalId id, AuthenticatedId who) {
        Renewal renewal = renewals.loadRenewal(id)
                .filter(r -> r.loginId().equals(who.loginId()))
                .orElseThrow(() -> new RequestRefusedException(Rejection.of(Code.RENEWAL_NOT_FOUND)));
        if (!(renewal instanceof Renewal.Open open)) {
            throw new RequestRefusedException(Rejection.of(Code.RENEWAL_NOT_FOUND,
                    "This renewal has already ended (" + renewal.state() + ")."));
        }
        if (open.hasTimedOut(clock.instant(), policy)) {
            abandonTimedOut(open);
            throw new RequestRefusedException(Rejection.of(Code.RENEWAL_TIMED_OUT));
        }
        return open;
    }

    private void abandonTimedOut(Renewal.Open open) {
        transactions.inTransaction(() -> {
            Renewal.Abandoned abandoned = open.abandon("timed out", clock.instant());
            renewals.updateRenewal(abandoned);
            audit.success("system", "RENEWAL_ABANDONED", target(abandoned), "timed out");
        });
    }

    private void failRenewal(Renewal.Open open, Rejection reason) {
        try {
            transactions.inTransaction(() -> {
                Renewal.Failed failed = open.fail(reason, clock.instant());
                renewals.updateRenewal(failed);
                // A refused request is REFUSED, a fault of ours FAILED: never SUCCESS for a renewal that failed.
                String outcome = reason.code() == Code.ISSUANCE_FAILED ? AuditEvent.FAILED : AuditEvent.REFUSED;
                audit.inCallerTransaction(open.loginId().value(), "RENEWAL_FAILED", target(failed), outcome,
                        reason.code() + ": " + reason.message());
            });
        } catch (ConcurrentUpdateException e) {
            // another request ended this renewal first; its outcome stands
        }
    }

    private LoginAccount loadAccount(AuthenticatedId who) {
        return accounts.loadAccount(who.loginId())
                .orElseThrow(() -> new RequestRefusedException(Rejection.of(Code.UNKNOWN_LOGIN_ID)));
    }

    private Certificate loadCertificate(certrenewal.domain.certificate.SerialNumber serial) {
        return certificates.loadCertificate(serial)
                .orElseThrow(() -> new RequestRefusedException(Rejection.of(Code.UNKNOWN_CERTIFICATE)));
    }

    private Contract loadContract(LoginAccount account) {
        return contracts.loadContract(account.contract())
                .orElseThrow(() -> new RequestRefusedException(Rejection.of(Code.UNKNOWN_CONTRACT)));
    }

    private static void refuse(Rejection rejection) {
        throw new RequestRefusedException(rejection);
    }

    private static String target(Renewal renewal) {
        return "renewal:" + renewal.id();
    }

    /** Every revocation reaches the CRL at once; a failure here leaves it to the scheduled refresh. */
    private void republishCrlIf(boolean revoked) {
        if (revoked) {
            try {
                crl.publishCrl();
            } catch (RuntimeException e) {
                LOG.log(System.Logger.Level.WARNING, "CRL not republished now; the scheduled refresh will", e);
            }
        }
    }
}
