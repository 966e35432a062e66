package certrenewal.domain.renewal;

/** The name of each state of {@link Renewal}, for storage and display. */
public enum RenewalState {
    STARTED, AWAITING_KEY, ISSUED, CONFIRMED, ABANDONED, FAILED;

    /** An open renewal blocks another one for the same ID. */
    public boolean isOpen() {
        return this == STARTED || this == AWAITING_KEY;
    }
}
