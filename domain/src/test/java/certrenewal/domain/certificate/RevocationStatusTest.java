package certrenewal.domain.certificate;

import static certrenewal.domain.TestData.ISSUED_AT;
import static certrenewal.domain.TestData.aCertificate;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class RevocationStatusTest {
    private static final Instant REVOKED_AT = ISSUED_AT.plusSeconds(86_400);

    @Test
    void anIssuedCertificateNotRevokedIsGood() {
        assertEquals(new RevocationStatus.Good(), RevocationStatus.of(Optional.of(aCertificate().build())));
    }

    @Test
    void aRevokedCertificateIsRevokedWithItsTimeAndReason() {
        Certificate revoked = aCertificate().revoked(RevocationReason.KEY_COMPROMISE, REVOKED_AT).build();

        assertEquals(new RevocationStatus.Revoked(REVOKED_AT, RevocationReason.KEY_COMPROMISE),
                RevocationStatus.of(Optional.of(revoked)));
    }

    @Test
    void aSupersededCertificateIsRevokedWithReasonSuperseded() {
        Certificate superseded = aCertificate().revoked(RevocationReason.SUPERSEDED, REVOKED_AT).build();

        assertEquals(new RevocationStatus.Revoked(REVOKED_AT, RevocationReason.SUPERSEDED),
                RevocationStatus.of(Optional.of(superseded)));
    }

    @Test
    void aSerialTheBankNeverIssuedIsUnknown() {
        assertEquals(new RevocationStatus.Unknown(), RevocationStatus.of(Optional.empty()));
    }
}
