package certrenewal.adapters.persistence;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;
import java.time.Instant;

@MappedEntity("certificate")
record CertificateRow(
        @Id String serial,
        String loginId,
        String subject,
        String subjectC,
        String subjectO,
        String subjectOu,
        String subjectCn,
        String issuer,
        Instant notBefore,
        Instant notAfter,
        String status,
        @Nullable String revocationReason,
        @Nullable Instant revokedAt,
        byte[] der,
        String sha256Fingerprint,
        @Nullable String publicKeySha256,
        long version) {
}
