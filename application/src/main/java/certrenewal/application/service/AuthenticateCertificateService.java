package certrenewal.application.service;

import certrenewal.application.port.in.AuthenticateCertificateUseCase;
import certrenewal.application.port.in.AuthenticatedId;
import certrenewal.application.port.in.ClientAddress;
import certrenewal.application.port.in.GetCrlUseCase;
import certrenewal.application.port.in.RequestRefusedException;
import certrenewal.application.port.out.AuditTrailPort;
import certrenewal.application.port.out.ConcurrentUpdateException;
import certrenewal.application.port.out.LoadAccountPort;
import certrenewal.application.port.out.LoadCertificatePort;
import certrenewal.application.port.out.RenewalPort;
import certrenewal.application.port.out.SaveAccountPort;
import certrenewal.application.port.out.SaveCertificatePort;
import certrenewal.application.port.out.TransactionPort;
import certrenewal.domain.Rejection;
import certrenewal.domain.Rejection.Code;
import certrenewal.domain.account.AccessScope;
import certrenewal.domain.account.LoginAccount;
import certrenewal.domain.account.LoginId;
import certrenewal.domain.certificate.Certificate;
import certrenewal.domain.certificate.CertificateStatus;
import certrenewal.domain.certificate.RevocationReason;
import certrenewal.domain.certificate.SerialNumber;
import certrenewal.domain.renewal.CertificateAuthentication;
import certrenewal.domain.renewal.Renewal;
import certrenewal.domain.renewal.RenewalPolicy;
import java.io.ByteArrayInputStream;
import java.security.cert.CertificateException;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.Instant;
import java.util.Optional;

/** Who a TLS client certificate belongs to, and the confirmation of renewals on first use. */
public final class AuthenticateCertificateService implements AuthenticateCertificateUseCase {
    private final LoadAccountPort accounts;
    private final SaveAccountPort savedAccounts;
    private final LoadCertificatePort certificates;
    private final RenewalPort renewals;
    private final TransactionPort transactions;
    private final Clock clock;
    private final Audit audit;
    private final Revocations revocations;
    private final UnknownCallerRefusals unknownCallers;
    private final RenewalPolicy policy;

    /**
     * @param crl signed again once a confirmation has superseded the old certificate
     * @param unknownCallers counts certificates the bank did not issue, per address and minute
     * @param policy its grace period decides whether an expired certificate may still renew itself
     */
    public AuthenticateCertificateService(LoadAccountPort accounts, SaveAccountPort savedAccounts,
                                          LoadCertificatePort certificates, SaveCertificatePort savedCertificates,
                                          RenewalPort renewals, GetCrlUseCase crl, AuditTrailPort auditTrail,
                                          TransactionPort transactions, UnknownCallerRefusals unknownCallers,
                                          RenewalPolicy policy, Clock clock) {
        this.policy = policy;
        this.unknownCallers = unknownCallers;
        this.accounts = accounts;
        this.savedAccounts = savedAccounts;
        this.certificates = certificates;
        this.renewals = renewals;
        this.transactions = transactions;
        this.clock = clock;
        this.audit = new Audit(auditTrail, transactions, clock);
        this.revocations = new Revocations(savedCertificates, transactions, crl);
    }

    @Override
    public AuthenticatedId authenticate(byte[] certificateDer, ClientAddress from) {
        AuthenticatedId who = authenticateForRenewal(certificateDer, from);
        if (who.scope() == AccessScope.RENEWAL_AFTER_EXPIRY) {
            // good for renewing itself only: anything else refuses it as expired, as before the grace period
            throw audit.refused(who.loginId().value(), "CERTIFICATE_AUTHENTICATION", "certificate:" + who.certificate().hex(),
                    new RequestRefusedException(Rejection.of(Code.CERTIFICATE_EXPIRED)));
        }
        return who;
    }

    @Override
    public AuthenticatedId authenticateForRenewal(byte[] certificateDer, ClientAddress from) {
        try {
            return complete(present(certificateDer, null, from));
        } catch (ConcurrentUpdateException e) {
            // a parallel request confirmed or replaced the renewal first: judge again on what is stored now
            return complete(present(certificateDer, null, from));
        }
    }

    /**
     * A certificate that this bank issued to a known ID (to {@code expectedOwner}, when not null),
     * judged but nothing changed yet: the login looks at the password between this and
     * {@link #complete}, so that no renewal is confirmed by a wrong password.
     */
    record Presented(LoginAccount account, CertificateAuthentication verdict) {
    }

    /**
     * Judges the presented certificate without changing anything; a certificate it cannot accept
     * is refused (and audited) with the reason.
     */
    Presented present(byte[] certificateDer, LoginId expectedOwner, ClientAddress from) {
        if (certificateDer == null || certificateDer.length == 0) {
            throw new RequestRefusedException(Rejection.of(Code.NO_CLIENT_CERTIFICATE));
        }
        SerialNumber serial = serialOf(certificateDer);
        // The serial only finds the record; the whole encoding must match what this CA issued.
        Optional<Certificate> issued = certificates.loadCertificate(serial).filter(c -> c.hasEncoding(certificateDer));
        if (issued.isEmpty()) {
            // anyone can present a certificate of their own making: counted, not recorded one by one
            unknownCallers.count(from, "CERTIFICATE_AUTHENTICATION", Code.UNKNOWN_CERTIFICATE.name(), "certificate:" + serial.hex());
            throw new RequestRefusedException(Rejection.of(Code.UNKNOWN_CERTIFICATE));
        }
        Certificate presented = issued.get();
        if (expectedOwner != null && !presented.owner().equals(expectedOwner)) {
            throw audit.refused(expectedOwner.value(), "CERTIFICATE_AUTHENTICATION", "certificate:" + serial.hex(),
                    new RequestRefusedException(Rejection.of(Code.CERTIFICATE_OF_ANOTHER_ID)));
        }
        LoginAccount account = accounts.loadAccount(presented.owner())
                .orElseThrow(() -> new RequestRefusedException(Rejection.of(Code.UNKNOWN_LOGIN_ID)));
        Optional<Renewal.Issued> pending = account.currentCertificateSerial().filter(serial::equals).isPresent()
                ? Optional.empty()
                : renewals.findUnconfirmedRenewalIssuing(serial)
                        // a renewal of a certificate that is no longer current cannot be confirmed
                        .filter(r -> account.currentCertificateSerial().map(r.oldSerial()::equals).orElse(false));
        CertificateAuthentication verdict = CertificateAuthentication.evaluate(presented, account, pending, clock.instant(), policy);
        if (verdict instanceof CertificateAuthentication.Refused refused) {
            throw audit.refused(account.id().value(), "CERTIFICATE_AUTHENTICATION", "certificate:" + serial.hex(),
                    new RequestRefusedException(refused.rejection()));
        }
        return new Presented(account, verdict);
    }

    /**
     * The ID the certificate authenticates; its first use confirms its renewal. Fails with
     * ConcurrentUpdateException when a parallel request confirmed or replaced the renewal first.
     */
    AuthenticatedId complete(Presented presented) {
        return switch (presented.verdict()) {
            case CertificateAuthentication.Current current -> idOf(current.account(), current.certificate().serial());
            case CertificateAuthentication.ExpiredWithinGrace expired -> idOf(expired.account(), expired.certificate().serial())
                    .withCredentials(0, AccessScope.RENEWAL_AFTER_EXPIRY);
            case CertificateAuthentication.ConfirmsRenewal confirms -> confirm(confirms, clock.instant());
            case CertificateAuthentication.Refused refused -> throw new IllegalStateException("a refused certificate is never presented");
        };
    }

    /**
     * First use of a renewed certificate: it becomes current and the old one is superseded. The
     * account's version guards against a parallel confirmation or renewal.
     */
    private AuthenticatedId confirm(CertificateAuthentication.ConfirmsRenewal confirms, Instant now) {
        Renewal.Issued renewal = confirms.renewal();
        transactions.inTransaction(() -> {
            renewals.updateRenewal(renewal.confirm(now));
            certificates.loadCertificate(renewal.oldSerial())
                    .filter(old -> old.statusAt(now) == CertificateStatus.ACTIVE)
                    .ifPresent(old -> revocations.revoke(old, RevocationReason.SUPERSEDED, now));
            savedAccounts.updateAccount(confirms.account().withCurrentCertificate(renewal.newSerial()));
            audit.success(renewal.loginId().value(), "RENEWAL_CONFIRMED", "renewal:" + renewal.id(),
                    "certificate " + renewal.newSerial().hex() + " used; " + renewal.oldSerial().hex() + " superseded");
        });
        return idOf(confirms.account(), renewal.newSerial());
    }

    private static AuthenticatedId idOf(LoginAccount account, SerialNumber serial) {
        return new AuthenticatedId(account.id(), account.contract(), account.kind(), serial);
    }

    /** The serial number of a DER certificate; UNKNOWN_CERTIFICATE when it is none (the console's staff login reads it too). */
    static SerialNumber serialOf(byte[] der) {
        try {
            X509Certificate certificate = (X509Certificate) CertificateFactory.getInstance("X.509")
                    .generateCertificate(new ByteArrayInputStream(der));
            return new SerialNumber(certificate.getSerialNumber());
        } catch (CertificateException | IllegalArgumentException e) {
            throw new RequestRefusedException(Rejection.of(Code.UNKNOWN_CERTIFICATE));
        }
    }
}
