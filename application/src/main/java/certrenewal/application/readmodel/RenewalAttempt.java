package certrenewal.application.readmodel;

import certrenewal.domain.certificate.SerialNumber;
import certrenewal.domain.renewal.RenewalId;
import certrenewal.domain.renewal.RenewalState;
import java.time.Instant;

/** @param endedAt null while open; @param newSerial null unless issued; @param reason why it was abandoned or failed, else null */
public record RenewalAttempt(RenewalId id, RenewalState state, Instant startedAt, Instant endedAt,
                             SerialNumber oldSerial, SerialNumber newSerial, String reason) {
}
