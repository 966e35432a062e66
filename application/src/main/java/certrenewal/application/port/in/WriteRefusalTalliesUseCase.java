package certrenewal.application.port.in;

/**
 * Writes the counted refusals of callers the bank does not know into the audit trail, one record
 * per client address, action and reason of each minute; run by a timer and once at shutdown.
 */
public interface WriteRefusalTalliesUseCase {
    /** Writes the minutes that are over; @return how many records were written. */
    int writeFinishedMinutes();

    /** Writes every minute counted so far, the current one too (at shutdown); @return how many records were written. */
    int writeAll();
}
