package certrenewal.application.service;

import certrenewal.application.port.in.RequestRefusedException;
import certrenewal.application.port.out.CertificateAuthorityPort;
import certrenewal.application.port.out.CertificateAuthorityPort.CheckedRequest;
import certrenewal.application.port.out.CertificateAuthorityPort.SignedCertificate;
import certrenewal.application.port.out.LoadCertificatePort;
import certrenewal.application.port.out.SaveCertificatePort;
import certrenewal.domain.Rejection;
import certrenewal.domain.Rejection.Code;
import certrenewal.domain.account.Contract;
import certrenewal.domain.account.LoginAccount;
import certrenewal.domain.certificate.Certificate;
import certrenewal.domain.certificate.IssuanceRules;
import certrenewal.domain.certificate.SerialNumber;
import certrenewal.domain.certificate.SubjectName;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;

/**
 * Signs and records a certificate, after the rules every issuance obeys ({@link IssuanceRules}:
 * blocked keys, the daily limit). Must run inside a transaction: the record and the audit entry
 * are stored with the caller's other changes, so a rollback leaves no trace of the signature.
 */
final class CertificateIssuer {
    private final CertificateAuthorityPort authority;
    private final LoadCertificatePort issued;
    private final SaveCertificatePort certificates;
    private final IssuanceRules rules;
    private final Audit audit;
    private final SerialNumbers serials = new SerialNumbers();

    CertificateIssuer(CertificateAuthorityPort authority, LoadCertificatePort issued, SaveCertificatePort certificates,
                      IssuanceRules rules, Audit audit) {
        this.authority = authority;
        this.issued = issued;
        this.certificates = certificates;
        this.rules = rules;
        this.audit = audit;
    }

    /**
     * How a certificate reached its holder; the audit entry ends with "via" and its name, so that auditors (and the
     * metrics counted from the audit trail) can tell the channels apart.
     */
    enum Channel {
        /** EST simplereenroll, authenticated by the certificate being renewed. */
        EST,
        /** The browser renewal screens. */
        BROWSER_RENEWAL,
        /** 証明書取得 with an issuance password: a newly registered ID's first certificate, or a re-issued one. */
        PICKUP,
        /** Issued directly by the bank to an ID without one (IssueCertificateUseCase: the demo data, tools). */
        DIRECT
    }

    /** @throws RequestRefusedException KEY_COMPROMISED, KEY_ALREADY_CERTIFIED, ISSUANCE_LIMIT_REACHED (with when to retry) */
    Certificate issue(LoginAccount account, Contract contract, CheckedRequest request,
                      Instant now, Duration validity, String actor, Channel channel) {
        LoadCertificatePort.IssuanceHistory history = issued.issuanceHistory(request.subjectPublicKeyInfo(), account.id(),
                rules.windowStart(now));
        rules.keyRefusal(account.id(), history.certifyingTheKey()).ifPresent(Refusals::refuse);
        rules.exhaustedUntil(history.ownerIssuedAfter(), now).ifPresent(until -> {
            throw new RequestRefusedException(Rejection.of(Code.ISSUANCE_LIMIT_REACHED), until);
        });
        // X.509 times have whole seconds; the record must say exactly what the certificate says.
        Instant notBefore = now.truncatedTo(ChronoUnit.SECONDS);
        Instant notAfter = notBefore.plus(validity);
        SerialNumber serial = serials.next();
        SubjectName subject = SubjectName.of(contract, account.id());
        SignedCertificate signed = authority.sign(request, subject, serial, notBefore, notAfter);
        Certificate certificate = Certificate.issued(serial, account.id(), subject, signed.issuer(),
                notBefore, notAfter, signed.der(), signed.sha256Fingerprint());
        certificates.insertCertificate(certificate, request.subjectPublicKeyInfo());
        audit.success(actor, "CERTIFICATE_ISSUED", "certificate:" + serial.hex(),
                "login ID " + account.id() + ", " + subject + ", key " + request.keyDescription()
                        + ", valid until " + notAfter + ", via " + channel);
        return certificate;
    }
}
