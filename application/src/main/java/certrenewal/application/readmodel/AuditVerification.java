package certrenewal.application.readmodel;

import java.util.Optional;

/**
 * @param entriesChecked how many records the chain holds
 * @param firstBroken the sequence number of the first record that was edited, deleted, reordered or
 *                    inserted, or that follows a deleted one; empty when the chain is intact
 */
public record AuditVerification(long entriesChecked, Optional<Long> firstBroken) {
}
