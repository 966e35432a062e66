package certrenewal.adapters.monitoring;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import certrenewal.application.port.out.AuditEvent;
import certrenewal.application.port.out.TransactionPort;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;

class CountingAuditTrailTest {
    private final List<AuditEvent> stored = new ArrayList<>();
    private final Transactions transactions = new Transactions();
    private final SimpleMeterRegistry registry = new SimpleMeterRegistry();
    private final CountingAuditTrail trail = new CountingAuditTrail(event -> {
        transactions.requireOpen();
        stored.add(event);
    }, transactions, new AuditEventMeters(registry)::committed);

    @Test
    void anEventIsCountedOnlyOnceItsTransactionHasCommitted() {
        transactions.inTransaction(() -> {
            trail.append(login(AuditEvent.SUCCESS, ""));
            assertEquals(0, logins("success"), "not before the commit");
        });

        assertEquals(1, logins("success"));
        assertEquals(1, stored.size());
    }

    @Test
    void anEventRolledBackWithItsWorkIsNeverCounted() {
        assertThrows(IllegalStateException.class, () -> transactions.inTransaction(() -> {
            trail.append(login(AuditEvent.SUCCESS, ""));
            throw new IllegalStateException("the business change failed");
        }));
        transactions.inTransaction(() -> trail.append(login(AuditEvent.REFUSED, "WRONG_CREDENTIALS: wrong password")));

        assertEquals(0, logins("success"));
        assertEquals(1, logins("refused"));
    }

    @Test
    void anAppendOutsideATransactionRunsInItsOwnAndIsCountedWhenItCommits() {
        trail.append(login(AuditEvent.REFUSED, "ID_LOCKED: the ID is locked"));

        assertEquals(1, logins("refused"));
        assertEquals(1, refusals("LOGIN", "ID_LOCKED"));
    }

    @Test
    void eachEventOfOneTransactionIsCountedOnce() {
        transactions.inTransaction(() -> {
            trail.append(issued("EST"));
            trail.append(event("RENEWAL_ISSUED", AuditEvent.SUCCESS, "new certificate 1f"));
        });

        assertEquals(1, registry.get(AuditEventMeters.ISSUED).tag("channel", "est").counter().count());
        assertEquals(1, renewals("issued"));
    }

    @Test
    void certificatesAreCountedByTheChannelTheirAuditEntryNames() {
        for (String channel : List.of("EST", "BROWSER_RENEWAL", "PICKUP", "PICKUP", "DIRECT")) {
            trail.append(issued(channel));
        }

        assertEquals(1, registry.get(AuditEventMeters.ISSUED).tag("channel", "est").counter().count());
        assertEquals(1, registry.get(AuditEventMeters.ISSUED).tag("channel", "browser_renewal").counter().count());
        assertEquals(2, registry.get(AuditEventMeters.ISSUED).tag("channel", "pickup").counter().count());
        assertEquals(1, registry.get(AuditEventMeters.ISSUED).tag("channel", "direct").counter().count());
        assertEquals(1, renewals("issued"), "the browser's issuance is its renewal's; EST's has RENEWAL_ISSUED");
    }

    @Test
    void renewalsAreCountedByOutcome() {
        trail.append(event("RENEWAL_REQUESTED", AuditEvent.REFUSED, "OUTSIDE_RENEWAL_WINDOW: not yet"));
        trail.append(event("RENEWAL_FAILED", AuditEvent.FAILED, "ISSUANCE_FAILED: the CA did not answer"));
        trail.append(event("RENEWAL_CONFIRMED", AuditEvent.SUCCESS, ""));
        trail.append(event("RENEWAL_ABANDONED", AuditEvent.SUCCESS, "timed out"));
        trail.append(event("RENEWAL_STARTED", AuditEvent.SUCCESS, "renewing certificate 1f"));

        assertEquals(List.of(0.0, 1.0, 1.0, 1.0, 1.0), AuditEventMeters.RENEWAL_OUTCOMES.stream()
                .map(outcome -> registry.get(AuditEventMeters.RENEWALS).tag("outcome", outcome).counter().count())
                .toList());
        assertEquals(1, refusals("RENEWAL_REQUESTED", "OUTSIDE_RENEWAL_WINDOW"));
    }

    @Test
    void anAggregatedRecordOfUnknownCallersCountsItsRefusals() {
        trail.append(new AuditEvent(Instant.now(), "anonymous:192.0.2.7", "STAFF_LOGIN", "unknown callers",
                AuditEvent.REFUSED, "WRONG_CREDENTIALS: unknown staff account: 12 refusals in the minute from "
                + "2026-12-02T07:00:00Z; e.g. nobody"));
        trail.append(new AuditEvent(Instant.now(), "anonymous:192.0.2.7", "CERTIFICATE_AUTHENTICATION",
                "unknown callers", AuditEvent.REFUSED, "UNKNOWN_CERTIFICATE: 1 refusal in the minute from "
                + "2026-12-02T07:00:00Z; e.g. certificate:1f"));

        assertEquals(12, logins("refused", "staff"));
        assertEquals(12, refusals("STAFF_LOGIN", "WRONG_CREDENTIALS"));
        assertEquals(1, refusals("CERTIFICATE_AUTHENTICATION", "UNKNOWN_CERTIFICATE"));
    }

    @Test
    void knownSeriesStartAtZero() {
        assertEquals(0, logins("success", "staff"));
        assertEquals(0, registry.get(AuditEventMeters.ISSUED).tag("channel", "pickup").counter().count());
        assertEquals(0, renewals("refused"));
    }

    private double logins(String outcome) {
        return logins(outcome, "customer");
    }

    private double logins(String outcome, String kind) {
        return registry.get(AuditEventMeters.LOGINS).tag("kind", kind).tag("outcome", outcome).counter().count();
    }

    private double renewals(String outcome) {
        return registry.get(AuditEventMeters.RENEWALS).tag("outcome", outcome).counter().count();
    }

    private double refusals(String action, String reason) {
        return registry.get(AuditEventMeters.REFUSALS).tag("action", action).tag("reason", reason).counter().count();
    }

    private static AuditEvent login(String outcome, String detail) {
        return new AuditEvent(Instant.now(), "demo-user1", "LOGIN", "login-id:demo-user1", outcome, detail);
    }

    private static AuditEvent issued(String channel) {
        return event("CERTIFICATE_ISSUED", AuditEvent.SUCCESS, "login ID demo-user1, CN=demo-user1, key EC P-256, "
                + "valid until 2027-12-02T07:00:00Z, via " + channel);
    }

    private static AuditEvent event(String action, String outcome, String detail) {
        return new AuditEvent(Instant.now(), "demo-user1", action, "login-id:demo-user1", outcome, detail);
    }

    /** Transactions as the port promises them: nested calls join, after-commit actions run after the outermost commit. */
    private static final class Transactions implements TransactionPort {
        private List<Runnable> afterCommit;

        @Override
        public <T> T inTransaction(Supplier<T> work) {
            if (afterCommit != null) {
                return work.get();
            }
            afterCommit = new ArrayList<>();
            List<Runnable> actions;
            try {
                T result = work.get();
                actions = afterCommit;
                afterCommit = null;
                actions.forEach(Runnable::run);
                return result;
            } finally {
                afterCommit = null;
            }
        }

        @Override
        public void afterCommit(Runnable action) {
            requireOpen();
            if (!afterCommit.contains(action)) {
                afterCommit.add(action);
            }
        }

        void requireOpen() {
            if (afterCommit == null) {
                throw new IllegalStateException("outside a transaction");
            }
        }
    }
}
