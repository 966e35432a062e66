package certrenewal.application.service;

import certrenewal.application.port.in.ClientAddress;
import certrenewal.application.port.in.WriteRefusalTalliesUseCase;
import certrenewal.application.port.out.AuditEvent;
import certrenewal.application.port.out.AuditTrailPort;
import certrenewal.application.port.out.TransactionPort;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Predicate;

/**
 * Refusals of callers the bank does not know (a certificate it did not issue, an unknown staff
 * name, an unknown login ID at 証明書取得), counted per client address, action and reason within
 * each minute and written as one audit record per such group once the minute is over. However much
 * anonymous traffic arrives, the audit trail grows by at most {@code maxGroupsPerMinute} records a
 * minute, plus one per action and reason for the addresses beyond that ("other addresses").
 * Refusals that concern a known ID or staff account stay one record each, written by their use case.
 * The counts live in this server's memory until written: a crash loses at most the last minute's.
 */
public final class UnknownCallerRefusals implements WriteRefusalTalliesUseCase {
    static final String OTHER_ADDRESSES = "other-addresses";
    static final String TARGET = "unknown callers";
    private static final int MAX_SAMPLES = 3;
    private static final int MAX_SAMPLE_LENGTH = 80;

    private record Group(String address, String action, String reason) {
    }

    private static final class Tally {
        long count;
        final List<String> samples = new ArrayList<>(MAX_SAMPLES);
    }

    private final AuditTrailPort trail;
    private final TransactionPort transactions;
    private final Clock clock;
    private final int maxGroupsPerMinute;
    /** Counted minutes not yet written, oldest first; guarded by {@code this}. */
    private final TreeMap<Instant, Map<Group, Tally>> minutes = new TreeMap<>();

    public UnknownCallerRefusals(AuditTrailPort trail, TransactionPort transactions, Clock clock, int maxGroupsPerMinute) {
        if (maxGroupsPerMinute < 1) {
            throw new IllegalArgumentException("at least one group a minute");
        }
        this.trail = trail;
        this.transactions = transactions;
        this.clock = clock;
        this.maxGroupsPerMinute = maxGroupsPerMinute;
    }

    /** Counts one refusal; {@code sample} (what the caller presented, e.g. "staff:nobody") is kept for the first few. */
    synchronized void count(ClientAddress from, String action, String reason, String sample) {
        Map<Group, Tally> groups = minutes.computeIfAbsent(currentMinute(), minute -> new LinkedHashMap<>());
        Group group = new Group(from.value(), action, reason);
        if (!groups.containsKey(group) && groups.size() >= maxGroupsPerMinute) {
            group = new Group(OTHER_ADDRESSES, action, reason);
        }
        Tally tally = groups.computeIfAbsent(group, g -> new Tally());
        tally.count++;
        String kept = sample.length() > MAX_SAMPLE_LENGTH ? sample.substring(0, MAX_SAMPLE_LENGTH) + "…" : sample;
        if (tally.samples.size() < MAX_SAMPLES && !tally.samples.contains(kept)) {
            tally.samples.add(kept);
        }
    }

    @Override
    public int writeFinishedMinutes() {
        Instant current = currentMinute();
        return write(minute -> minute.isBefore(current));
    }

    @Override
    public int writeAll() {
        return write(minute -> true);
    }

    private int write(Predicate<Instant> due) {
        TreeMap<Instant, Map<Group, Tally>> taken = new TreeMap<>();
        synchronized (this) {
            for (Instant minute : List.copyOf(minutes.keySet())) {
                if (due.test(minute)) {
                    taken.put(minute, minutes.remove(minute));
                }
            }
        }
        if (taken.isEmpty()) {
            return 0;
        }
        try {
            transactions.inTransaction(() -> taken.forEach((minute, groups) -> groups.forEach((group, tally) ->
                    trail.append(new AuditEvent(clock.instant(), "anonymous:" + group.address(), group.action(), TARGET,
                            AuditEvent.REFUSED, group.reason() + ": " + tally.count + (tally.count == 1 ? " refusal" : " refusals")
                            + " in the minute from " + minute + "; e.g. " + String.join(", ", tally.samples))))));
        } catch (RuntimeException e) {
            putBack(taken);
            throw e;
        }
        return taken.values().stream().mapToInt(Map::size).sum();
    }

    /** A failed write keeps the counts for the next one, merged into what was counted meanwhile. */
    private synchronized void putBack(TreeMap<Instant, Map<Group, Tally>> taken) {
        taken.forEach((minute, groups) -> {
            Map<Group, Tally> now = minutes.computeIfAbsent(minute, m -> new LinkedHashMap<>());
            groups.forEach((group, tally) -> now.merge(group, tally, (meanwhile, earlier) -> {
                meanwhile.count += earlier.count;
                return meanwhile;
            }));
        });
    }

    private Instant currentMinute() {
        return clock.instant().truncatedTo(ChronoUnit.MINUTES);
    }
}
