package certrenewal.application.service;

import certrenewal.application.port.in.IssuedCertificate;
import certrenewal.application.port.in.RequestRefusedException;
import certrenewal.application.port.out.CertificateAuthorityPort;
import certrenewal.application.port.out.CertificateAuthorityPort.CheckedRequest;
import certrenewal.application.port.out.CertificateRequestRejectedException;
import certrenewal.application.port.out.ConcurrentUpdateException;
import certrenewal.application.port.out.TransactionPort;
import certrenewal.domain.Rejection;
import certrenewal.domain.Rejection.Code;
import certrenewal.domain.certificate.Certificate;
import java.util.List;
import java.util.function.Function;

/**
 * How every way to a certificate (browser renewal, EST, pickup, the system's direct issuance)
 * ends: the request is checked first; the certificate, its record, its audit entry and the
 * caller's other changes commit together or not at all; a certificate leaves only once committed.
 * Each caller says in {@link Endings} what it records when it does not get that far.
 */
final class AllOrNothingIssuance {
    private static final System.Logger LOG = System.getLogger(AllOrNothingIssuance.class.getName());

    /** What a use case records when its issuance ends without a certificate. */
    interface Endings {
        /** The request or the rules refused it: record the refusal and return it to throw. */
        RequestRefusedException refused(RequestRefusedException refusal);

        /** A concurrent request changed the same records first: the refusal to record and throw. */
        RequestRefusedException raced();

        /** A fault of ours (the CA, the database); nothing was committed. */
        void failed(RuntimeException cause);

        /** These endings, with {@code record} run first when the issuance fails. */
        default Endings andOnFailure(Runnable record) {
            Endings endings = this;
            return new Endings() {
                @Override
                public RequestRefusedException refused(RequestRefusedException refusal) {
                    return endings.refused(refusal);
                }

                @Override
                public RequestRefusedException raced() {
                    return endings.raced();
                }

                @Override
                public void failed(RuntimeException cause) {
                    record.run();
                    endings.failed(cause);
                }
            };
        }
    }

    /**
     * The usual endings: a refusal is audited as REFUSED under {@code action}, a race as the
     * refusal {@code raced}, a fault as FAILED with ISSUANCE_FAILED.
     */
    static Endings audited(Audit audit, String actor, String action, String target, RequestRefusedException raced) {
        return new Endings() {
            @Override
            public RequestRefusedException refused(RequestRefusedException refusal) {
                return audit.refused(actor, action, target, refusal);
            }

            @Override
            public RequestRefusedException raced() {
                return audit.refused(actor, action, target, raced);
            }

            @Override
            public void failed(RuntimeException cause) {
                audit.failed(actor, action, target, Code.ISSUANCE_FAILED + ": " + cause.getClass().getSimpleName());
            }
        };
    }

    private final CertificateAuthorityPort authority;
    private final TransactionPort transactions;

    AllOrNothingIssuance(CertificateAuthorityPort authority, TransactionPort transactions) {
        this.authority = authority;
        this.transactions = transactions;
    }

    /**
     * @param who names the issuance in the log when it fails
     * @param work runs in one transaction with the checked request and returns the certificate it issued
     */
    IssuedCertificate issue(String who, byte[] pkcs10Der, Function<CheckedRequest, Certificate> work, Endings endings) {
        CheckedRequest request;
        try {
            request = authority.checkRequest(pkcs10Der);
        } catch (CertificateRequestRejectedException e) {
            throw endings.refused(new RequestRefusedException(e.rejection()));
        }
        try {
            // Fetched before the commit: once the certificate is committed, nothing may fail before it is handed out.
            List<byte[]> caChain = authority.caCertificates();
            Certificate certificate = transactions.inTransaction(() -> work.apply(request));
            return new IssuedCertificate(certificate, caChain);
        } catch (RequestRefusedException e) {
            throw endings.refused(e);
        } catch (ConcurrentUpdateException e) {
            throw endings.raced();
        } catch (RuntimeException e) {
            LOG.log(System.Logger.Level.ERROR, "issuance failed for " + who, e);
            endings.failed(e);
            throw new RequestRefusedException(Rejection.of(Code.ISSUANCE_FAILED));
        }
    }
}
