package certrenewal.application.service;

import certrenewal.application.port.in.GetCrlUseCase;
import certrenewal.application.port.out.CertificateAuthorityPort;
import certrenewal.application.port.out.RevocationListPort;
import certrenewal.application.port.out.RevokedCertificate;
import java.math.BigInteger;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The CRL, signed after revocations and again a quarter of its validity before its nextUpdate.
 * Under a stream of revocations signing is coalesced: at most one CRL per {@code minInterval};
 * a revocation that comes sooner marks the CRL stale, and the first fetch or check after the
 * interval signs it (login and EST refuse a revoked certificate at once regardless: they read the
 * database). Publishing is serialised, so that CRL numbers strictly increase and the CRL kept is
 * always the newest; reading is lock-free. The numbers never fall below the epoch milliseconds
 * of their thisUpdate, so they keep increasing across restarts without being stored.
 */
public final class CrlService implements GetCrlUseCase {
    private static final System.Logger LOG = System.getLogger(CrlService.class.getName());

    private final RevocationListPort revocations;
    private final CertificateAuthorityPort authority;
    private final Duration validity;
    private final Duration refreshMargin;
    private final Duration minInterval;
    private final Clock clock;
    private final AtomicReference<Published> current = new AtomicReference<>();
    private final Object publishing = new Object();
    /** A publication was asked for and has not succeeded yet: the CRL kept may lack a revocation. */
    private volatile boolean stale;
    private BigInteger lastNumber = BigInteger.ZERO;

    private record Published(byte[] der, Instant signedAt, Instant nextUpdate) {
    }

    /**
     * @param validity from thisUpdate to nextUpdate (default 24 hours)
     * @param minInterval the least time between two CRLs signed for revocations (default 5 seconds; zero signs at every one)
     */
    public CrlService(RevocationListPort revocations, CertificateAuthorityPort authority, Duration validity,
                      Duration minInterval, Clock clock) {
        Objects.requireNonNull(validity, "validity must not be null");
        if (validity.compareTo(Duration.ofMinutes(1)) < 0) {
            throw new IllegalArgumentException("a CRL is valid for at least a minute");
        }
        if (minInterval.isNegative() || minInterval.compareTo(validity.dividedBy(4)) > 0) {
            throw new IllegalArgumentException("the CRL's minimum interval must be between zero and a quarter of its validity");
        }
        this.minInterval = minInterval;
        this.revocations = revocations;
        this.authority = authority;
        this.validity = validity;
        this.refreshMargin = validity.dividedBy(4);
        this.clock = clock;
    }

    @Override
    public byte[] currentCrl() {
        Published published = current.get();
        if (needsSigning(published)) {
            published = refresh();
        }
        return published.der().clone();
    }

    @Override
    public Optional<Instant> publishedNextUpdate() {
        return Optional.ofNullable(current.get()).map(Published::nextUpdate);
    }

    /** After a revocation: signs now, unless a CRL was signed less than the minimum interval ago. */
    @Override
    public void publishCrl() {
        synchronized (publishing) {
            stale = true;
            Published published = current.get();
            if (published == null || !isRecent(published)) {
                sign();
            }
        }
    }

    private void sign() {
        synchronized (publishing) {
            // X.509 times have whole seconds
            Instant thisUpdate = clock.instant().truncatedTo(ChronoUnit.SECONDS);
            Instant nextUpdate = thisUpdate.plus(validity);
            List<RevokedCertificate> entries = revocations.revokedUnexpired(thisUpdate);
            BigInteger number = lastNumber.add(BigInteger.ONE).max(BigInteger.valueOf(thisUpdate.toEpochMilli()));
            byte[] der = authority.signCrl(entries, thisUpdate, nextUpdate, number);
            lastNumber = number;
            current.set(new Published(der.clone(), clock.instant(), nextUpdate));
            stale = false;
        }
    }

    /** Publishes unless another thread just did; keeps serving a CRL still within its validity if signing fails. */
    private Published refresh() {
        synchronized (publishing) {
            Published published = current.get();
            if (!needsSigning(published)) {
                return published;
            }
            try {
                sign();
            } catch (RuntimeException e) {
                if (published == null || !clock.instant().isBefore(published.nextUpdate())) {
                    throw e;
                }
                LOG.log(System.Logger.Level.ERROR, "the CRL could not be signed; serving the previous one until "
                        + published.nextUpdate(), e);
                return published;
            }
            return current.get();
        }
    }

    /** None yet, near its nextUpdate, or lacking a revocation and the minimum interval has passed. */
    private boolean needsSigning(Published published) {
        return published == null || isDue(published) || (stale && !isRecent(published));
    }

    /** Signed less than the minimum interval ago (a clock set back does not hold a revocation back). */
    private boolean isRecent(Published published) {
        Instant now = clock.instant();
        return !now.isBefore(published.signedAt()) && now.isBefore(published.signedAt().plus(minInterval));
    }

    private boolean isDue(Published published) {
        return !clock.instant().isBefore(published.nextUpdate().minus(refreshMargin));
    }
}
