package certrenewal.application.service;

import certrenewal.application.port.in.GetCrlUseCase;
import certrenewal.application.port.out.CertificateAuthorityPort;
import certrenewal.application.port.out.CrlStorePort;
import certrenewal.application.port.out.RevocationListPort;
import certrenewal.application.port.out.RevokedCertificate;
import certrenewal.application.port.out.StoredCrl;
import java.math.BigInteger;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The CRL, kept in the CRL store that every node reads: signed by one node after revocations and again a quarter of
 * its validity before its nextUpdate, and served by every node as the newest stored one.
 *
 * <p>Under a stream of revocations signing is coalesced: at most one CRL per {@code minInterval}, counted from the
 * newest stored CRL whichever node signed it; a revocation that comes sooner is remembered by the node that made it,
 * and that node's next fetch or {@link #publishPending()} after the interval signs (login and EST refuse a revoked
 * certificate at once regardless: they read the database). Publications take the store's exclusive publication
 * turn, so a node that waited for another's sees its CRL and does not sign the same change again. CRL numbers come
 * from the store: one above the newest stored, and never below the epoch milliseconds of their thisUpdate (as
 * the CRLs of earlier versions, which were not stored, were numbered), so they increase across nodes and restarts.
 */
public final class CrlService implements GetCrlUseCase {
    private static final System.Logger LOG = System.getLogger(CrlService.class.getName());

    private final RevocationListPort revocations;
    private final CrlStorePort store;
    private final CertificateAuthorityPort authority;
    private final Duration validity;
    private final Duration refreshMargin;
    private final Duration minInterval;
    private final Clock clock;
    /** The newest CRL this node has read, so that its DER is read from the store once per CRL, not per fetch. */
    private final AtomicReference<StoredCrl> served = new AtomicReference<>();
    private final Object publishing = new Object();
    /** Revocations committed on this node, and how many of them the last CRL this node signed covers. */
    private final AtomicLong requested = new AtomicLong();
    private volatile long covered;

    /**
     * @param validity from thisUpdate to nextUpdate (default 24 hours)
     * @param minInterval the least time between two CRLs signed for revocations (default 5 seconds; zero signs at every one)
     */
    public CrlService(RevocationListPort revocations, CrlStorePort store, CertificateAuthorityPort authority,
                      Duration validity, Duration minInterval, Clock clock) {
        Objects.requireNonNull(validity, "validity must not be null");
        if (validity.compareTo(Duration.ofMinutes(1)) < 0) {
            throw new IllegalArgumentException("a CRL is valid for at least a minute");
        }
        if (minInterval.isNegative() || minInterval.compareTo(validity.dividedBy(4)) > 0) {
            throw new IllegalArgumentException("the CRL's minimum interval must be between zero and a quarter of its validity");
        }
        this.revocations = Objects.requireNonNull(revocations, "revocations must not be null");
        this.store = Objects.requireNonNull(store, "CRL store must not be null");
        this.authority = Objects.requireNonNull(authority, "authority must not be null");
        this.validity = validity;
        this.refreshMargin = validity.dividedBy(4);
        this.minInterval = minInterval;
        this.clock = Objects.requireNonNull(clock, "clock must not be null");
    }

    @Override
    public byte[] currentCrl() {
        Optional<StoredCrl.Header> newest = store.newestHeader();
        if (needsSigning(newest)) {
            try {
                publish();
            } catch (RuntimeException e) {
                if (newest.isEmpty() || !clock.instant().isBefore(newest.get().nextUpdate())) {
                    throw e;
                }
                LOG.log(System.Logger.Level.ERROR, "the CRL could not be signed; serving the previous one until "
                        + newest.get().nextUpdate(), e);
            }
            newest = store.newestHeader();
        }
        return read(newest.orElseThrow(() -> new IllegalStateException("no CRL has been stored"))).der();
    }

    /** The newest stored CRL's nextUpdate: what every node serves; reads its header only and signs nothing. */
    @Override
    public Optional<Instant> publishedNextUpdate() {
        return store.newestHeader().map(StoredCrl.Header::nextUpdate);
    }

    /** After a revocation: signs now, unless the newest CRL was signed less than the minimum interval ago. */
    @Override
    public void publishCrl() {
        requested.incrementAndGet();
        Optional<StoredCrl.Header> newest = store.newestHeader();
        if (newest.isEmpty() || !isRecent(newest.get())) {
            publish();
        }
    }

    @Override
    public void publishPending() {
        Optional<StoredCrl.Header> newest = store.newestHeader();
        if (needsSigning(newest)) {
            publish();
        }
    }

    /** Signs and stores a CRL in the store's exclusive turn, unless another node stored what was needed meanwhile. */
    private void publish() {
        synchronized (publishing) {
            long requests = requested.get();
            store.publishExclusively(newest -> {
                if (newest.isPresent() && covered >= requests && !isDue(newest.get())) {
                    return Optional.empty();
                }
                return Optional.of(sign(newest));
            });
            covered = Math.max(covered, requests);
        }
    }

    private StoredCrl sign(Optional<StoredCrl.Header> previous) {
        // X.509 times have whole seconds
        Instant thisUpdate = clock.instant().truncatedTo(ChronoUnit.SECONDS);
        Instant nextUpdate = thisUpdate.plus(validity);
        long number = Math.max(previous.map(h -> h.number() + 1).orElse(1L), thisUpdate.toEpochMilli());
        List<RevokedCertificate> entries = revocations.revokedUnexpired(thisUpdate);
        byte[] der = authority.signCrl(entries, thisUpdate, nextUpdate, BigInteger.valueOf(number));
        return new StoredCrl(number, thisUpdate, nextUpdate, der);
    }

    /** The CRL of {@code header}, read from the store unless this node holds it already. */
    private StoredCrl read(StoredCrl.Header header) {
        StoredCrl held = served.get();
        if (held != null && held.number() >= header.number()) {
            return held;
        }
        StoredCrl newest = store.newest().orElseThrow(() -> new IllegalStateException("no CRL has been stored"));
        served.accumulateAndGet(newest, (a, b) -> a == null || b.number() > a.number() ? b : a);
        return newest;
    }

    /** None yet, near its nextUpdate, or lacking a revocation made here and the minimum interval has passed. */
    private boolean needsSigning(Optional<StoredCrl.Header> newest) {
        if (newest.isEmpty()) {
            return true;
        }
        boolean stale = requested.get() > covered;
        return isDue(newest.get()) || (stale && !isRecent(newest.get()));
    }

    /** Signed less than the minimum interval ago (a clock set back does not hold a revocation back). */
    private boolean isRecent(StoredCrl.Header newest) {
        Instant now = clock.instant();
        return !now.isBefore(newest.thisUpdate()) && now.isBefore(newest.thisUpdate().plus(minInterval));
    }

    private boolean isDue(StoredCrl.Header newest) {
        return !clock.instant().isBefore(newest.nextUpdate().minus(refreshMargin));
    }
}
