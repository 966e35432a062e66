package certrenewal.application.service;

import certrenewal.application.port.in.GetCrlUseCase;
import certrenewal.application.port.out.SaveCertificatePort;
import certrenewal.application.port.out.TransactionPort;
import certrenewal.domain.certificate.Certificate;
import certrenewal.domain.certificate.RevocationReason;
import java.time.Instant;

/**
 * Every revocation the use cases make, superseded ones included: stored in the caller's
 * transaction, and in a new CRL once that transaction has committed (once per transaction,
 * however many it revoked). Login and EST refuse the certificate at once either way: they read
 * the database, not the CRL.
 */
final class Revocations {
    private static final System.Logger LOG = System.getLogger(Revocations.class.getName());

    private final SaveCertificatePort certificates;
    private final TransactionPort transactions;
    private final Runnable publishCrl;

    Revocations(SaveCertificatePort certificates, TransactionPort transactions, GetCrlUseCase crl) {
        this.certificates = certificates;
        this.transactions = transactions;
        this.publishCrl = () -> {
            try {
                crl.publishCrl();
            } catch (RuntimeException e) {
                // the revocation is committed; the CRL is signed again when it is next asked for or due
                LOG.log(System.Logger.Level.WARNING, "CRL not republished after a revocation; the scheduled refresh will", e);
            }
        };
    }

    /** Must run inside a transaction; {@code certificate} must be active. */
    void revoke(Certificate certificate, RevocationReason reason, Instant now) {
        certificates.updateCertificate(certificate.revoke(reason, now));
        transactions.afterCommit(publishCrl);
    }
}
