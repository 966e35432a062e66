package certrenewal.application.port.out;

/** The append-only audit trail. Appends join the caller's transaction. */
public interface AuditTrailPort {
    void append(AuditEvent event);
}
