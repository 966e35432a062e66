package certrenewal.adapters.monitoring;

import certrenewal.application.port.out.AuditEvent;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.inject.Singleton;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Counters of committed audit events (see {@link CountingAuditTrail}), named as Prometheus shows them:
 * <ul>
 *   <li>{@code certrenewal_certificates_issued_total{channel}}: est, browser_renewal, pickup (a registered ID's first
 *       certificate or a re-issued one, both obtained with an issuance password), direct (the bank's direct issuance);
 *       from CERTIFICATE_ISSUED, whose detail ends with "via" and the channel;</li>
 *   <li>{@code certrenewal_renewals_total{outcome}}: issued (EST's RENEWAL_ISSUED, the browser's issuance),
 *       confirmed (the new certificate's first use), refused, failed (a fault of ours), abandoned;</li>
 *   <li>{@code certrenewal_refusals_total{action,reason}}: every REFUSED event, the reason being the refusal code
 *       its detail starts with;</li>
 *   <li>{@code certrenewal_logins_total{kind,outcome}}: kind customer (LOGIN) or staff (STAFF_LOGIN).</li>
 * </ul>
 * Refusals of callers the bank does not know are written aggregated, one event per address and minute whose detail
 * says how many ("…: 12 refusals in the minute from …"): they count by that number, once their minute is written
 * (up to a minute and the write interval late), so the figures equal the audit trail's.
 */
@Singleton
public final class AuditEventMeters {
    static final String ISSUED = "certrenewal.certificates.issued";
    static final String RENEWALS = "certrenewal.renewals";
    static final String REFUSALS = "certrenewal.refusals";
    static final String LOGINS = "certrenewal.logins";
    static final List<String> CHANNELS = List.of("est", "browser_renewal", "pickup", "direct");
    static final List<String> RENEWAL_OUTCOMES = List.of("issued", "confirmed", "refused", "failed", "abandoned");

    private static final Logger LOG = LoggerFactory.getLogger(AuditEventMeters.class);
    private static final Pattern CHANNEL = Pattern.compile(", via ([A-Z_]+)$");
    private static final Pattern REASON = Pattern.compile("^([A-Z][A-Z0-9_]*)(?::|$)");
    private static final Pattern AGGREGATED = Pattern.compile(": (\\d+) refusals? in the minute from ");
    private static final String ANONYMOUS = "anonymous:";

    private final MeterRegistry registry;

    public AuditEventMeters(MeterRegistry registry) {
        this.registry = registry;
        // known series start at zero, so that rate() and alerts see them before their first event
        CHANNELS.forEach(channel -> issued(channel));
        RENEWAL_OUTCOMES.forEach(outcome -> renewals(outcome));
        for (String kind : List.of("customer", "staff")) {
            for (String outcome : List.of("success", "refused")) {
                logins(kind, outcome);
            }
        }
    }

    /** Counts one committed event; never throws (it runs after the commit, where nothing may fail the caller). */
    public void committed(AuditEvent event) {
        try {
            count(event);
        } catch (RuntimeException e) {
            LOG.warn("An audit event could not be counted: {}", e.toString());
        }
    }

    private void count(AuditEvent event) {
        long times = occurrences(event);
        String outcome = event.outcome().toLowerCase(Locale.ROOT);
        boolean success = AuditEvent.SUCCESS.equals(event.outcome());
        switch (event.action()) {
            case "CERTIFICATE_ISSUED" -> {
                if (success) {
                    String channel = channel(event.detail());
                    issued(channel).increment();
                    if (channel.equals("browser_renewal")) {
                        renewals("issued").increment();
                    }
                }
            }
            case "RENEWAL_ISSUED" -> renewals("issued").increment();
            case "RENEWAL_CONFIRMED" -> renewals("confirmed").increment();
            case "RENEWAL_ABANDONED" -> renewals("abandoned").increment();
            case "RENEWAL_REQUESTED", "RENEWAL_STARTED", "RENEWAL_FAILED" -> {
                if (!success) {
                    renewals(outcome).increment(times);
                }
            }
            case "LOGIN" -> logins("customer", outcome).increment(times);
            case "STAFF_LOGIN" -> logins("staff", outcome).increment(times);
            default -> {
            }
        }
        if (AuditEvent.REFUSED.equals(event.outcome())) {
            Counter.builder(REFUSALS).description("Requests refused, by action and refusal code")
                    .tag("action", event.action()).tag("reason", reason(event.detail()))
                    .register(registry).increment(times);
        }
    }

    /** 1, or the count an aggregated record of unknown callers' refusals carries. */
    static long occurrences(AuditEvent event) {
        if (event.actor().startsWith(ANONYMOUS) && AuditEvent.REFUSED.equals(event.outcome())) {
            Matcher count = AGGREGATED.matcher(event.detail());
            if (count.find()) {
                return Long.parseLong(count.group(1));
            }
        }
        return 1;
    }

    static String channel(String detail) {
        Matcher channel = CHANNEL.matcher(detail);
        return channel.find() ? channel.group(1).toLowerCase(Locale.ROOT) : "unknown";
    }

    static String reason(String detail) {
        Matcher reason = REASON.matcher(detail);
        return reason.find() ? reason.group(1) : "UNSPECIFIED";
    }

    private Counter issued(String channel) {
        return Counter.builder(ISSUED).description("Certificates issued, by channel").tag("channel", channel)
                .register(registry);
    }

    private Counter renewals(String outcome) {
        return Counter.builder(RENEWALS).description("Renewal steps that ended, by outcome").tag("outcome", outcome)
                .register(registry);
    }

    private Counter logins(String kind, String outcome) {
        return Counter.builder(LOGINS).description("Password logins, customer and staff, by outcome")
                .tag("kind", kind).tag("outcome", outcome).register(registry);
    }
}
