package certrenewal.application.service;

import static certrenewal.application.service.TestWorld.T0;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import certrenewal.application.port.out.MalformedOcspRequestException;
import certrenewal.application.port.out.OcspResponderPort;
import certrenewal.domain.certificate.Certificate;
import certrenewal.domain.certificate.RevocationReason;
import certrenewal.domain.certificate.RevocationStatus;
import certrenewal.domain.certificate.SerialNumber;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class AnswerOcspRequestServiceTest {
    private final TestWorld world = new TestWorld();
    private final FakeResponder responder = new FakeResponder();
    private final AnswerOcspRequestService service = new AnswerOcspRequestService(responder, world.store, world.clock);
    private final Certificate certificate = world.first.certificate();

    @Test
    void anIssuedCertificateIsGoodARevokedOneRevokedWithTimeAndReasonAndOthersUnknown() {
        Certificate revoked = certificate.revoke(RevocationReason.KEY_COMPROMISE, T0.plusSeconds(30));
        responder.question = question(certificate.serial());
        assertEquals("SUCCESSFUL", answer());
        assertEquals(List.of(new RevocationStatus.Good()), responder.statuses);

        world.store.put(revoked);
        answer();
        assertEquals(List.of(new RevocationStatus.Revoked(T0.plusSeconds(30), RevocationReason.KEY_COMPROMISE)),
                responder.statuses, "at once, from the records");

        responder.question = new OcspResponderPort.OcspQuestion(List.of(
                asked(Optional.of(new SerialNumber(BigInteger.valueOf(424242)))),
                asked(Optional.empty())), Optional.empty());
        answer();
        assertEquals(List.of(new RevocationStatus.Unknown(), new RevocationStatus.Unknown()), responder.statuses,
                "a serial never issued, and a certificate of another issuer");
        assertEquals(world.clock.instant(), responder.producedAt);
    }

    @Test
    void aMalformedRequestGetsMalformedRequest() {
        responder.question = null;

        assertEquals("MALFORMED_REQUEST", answer());
        assertNull(responder.statuses);
    }

    @Test
    void aResponderThatCannotSignGivesInternalErrorNotAnException() {
        responder.question = question(certificate.serial());
        responder.signing = new IllegalStateException("HSM unavailable");

        assertEquals("INTERNAL_ERROR", answer());
    }

    @Test
    void aNullRequestIsMalformed() {
        responder.question = null;

        assertArrayEquals("MALFORMED_REQUEST".getBytes(StandardCharsets.US_ASCII), service.answer(null));
    }

    private String answer() {
        return new String(service.answer(new byte[] {0x30, 0x00}), StandardCharsets.US_ASCII);
    }

    private static OcspResponderPort.OcspQuestion question(SerialNumber serial) {
        return new OcspResponderPort.OcspQuestion(List.of(asked(Optional.of(serial))), Optional.of(new byte[] {4, 1, 7}));
    }

    private static OcspResponderPort.AskedCertificate asked(Optional<SerialNumber> serial) {
        return new OcspResponderPort.AskedCertificate(new byte[] {0x30, 0x00}, serial);
    }

    /** Reads the question it was given (null: malformed), and answers with the names of what it would encode. */
    private static final class FakeResponder implements OcspResponderPort {
        OcspQuestion question;
        List<RevocationStatus> statuses;
        Instant producedAt;
        RuntimeException signing;

        @Override
        public OcspQuestion read(byte[] der) {
            if (question == null) {
                throw new MalformedOcspRequestException("not an OCSPRequest");
            }
            return question;
        }

        @Override
        public byte[] answer(OcspQuestion question, List<RevocationStatus> statuses, Instant producedAt) {
            if (signing != null) {
                throw signing;
            }
            this.statuses = statuses;
            this.producedAt = producedAt;
            return "SUCCESSFUL".getBytes(StandardCharsets.US_ASCII);
        }

        @Override
        public byte[] refusal(Refusal refusal) {
            return refusal.name().getBytes(StandardCharsets.US_ASCII);
        }
    }
}
