package certrenewal.application.port.out;

import java.time.Instant;
import java.util.Objects;

/**
 * One security event: who did what to which target, when, and how it ended. Never carries a
 * secret or a private key.
 *
 * @param actor the login ID, staff account or "system" that acted
 * @param target what was acted on, e.g. "login-id:demo-admin" or "certificate:1f0e..."
 * @param outcome SUCCESS, REFUSED or FAILED
 */
public record AuditEvent(Instant at, String actor, String action, String target, String outcome, String detail) {
    public static final String SUCCESS = "SUCCESS";
    public static final String REFUSED = "REFUSED";
    public static final String FAILED = "FAILED";

    public AuditEvent {
        Objects.requireNonNull(at, "time must not be null");
        Objects.requireNonNull(actor, "actor must not be null");
        Objects.requireNonNull(action, "action must not be null");
        Objects.requireNonNull(target, "target must not be null");
        Objects.requireNonNull(outcome, "outcome must not be null");
        detail = detail == null ? "" : detail;
    }
}
