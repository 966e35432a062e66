package certrenewal.application.service;

import certrenewal.application.port.in.AnswerOcspRequestUseCase;
import certrenewal.application.port.out.LoadCertificatePort;
import certrenewal.application.port.out.MalformedOcspRequestException;
import certrenewal.application.port.out.OcspResponderPort;
import certrenewal.application.port.out.OcspResponderPort.AskedCertificate;
import certrenewal.application.port.out.OcspResponderPort.OcspQuestion;
import certrenewal.domain.certificate.RevocationStatus;
import java.time.Clock;
import java.util.List;
import java.util.Objects;

/**
 * Answers each certificate asked about from the bank's records at the moment of asking (the database, not the
 * CRL): a certificate of another issuer, or a serial the bank never issued, is unknown.
 */
public final class AnswerOcspRequestService implements AnswerOcspRequestUseCase {
    private static final System.Logger LOG = System.getLogger(AnswerOcspRequestService.class.getName());

    private final OcspResponderPort responder;
    private final LoadCertificatePort certificates;
    private final Clock clock;

    public AnswerOcspRequestService(OcspResponderPort responder, LoadCertificatePort certificates, Clock clock) {
        this.responder = Objects.requireNonNull(responder, "responder must not be null");
        this.certificates = Objects.requireNonNull(certificates, "certificates must not be null");
        this.clock = Objects.requireNonNull(clock, "clock must not be null");
    }

    @Override
    public byte[] answer(byte[] ocspRequestDer) {
        OcspQuestion question;
        try {
            question = responder.read(ocspRequestDer == null ? new byte[0] : ocspRequestDer);
        } catch (MalformedOcspRequestException e) {
            return responder.refusal(OcspResponderPort.Refusal.MALFORMED_REQUEST);
        }
        try {
            List<RevocationStatus> statuses = question.certificates().stream().map(this::statusOf).toList();
            return responder.answer(question, statuses, clock.instant());
        } catch (RuntimeException e) {
            LOG.log(System.Logger.Level.ERROR, "an OCSP request could not be answered", e);
            return responder.refusal(OcspResponderPort.Refusal.INTERNAL_ERROR);
        }
    }

    private RevocationStatus statusOf(AskedCertificate asked) {
        return asked.serial()
                .map(serial -> RevocationStatus.of(certificates.loadCertificate(serial)))
                .orElseGet(RevocationStatus.Unknown::new);
    }
}
