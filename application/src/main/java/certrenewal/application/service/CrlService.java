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
import java.util.concurrent.atomic.AtomicReference;

/**
 * The CRL, signed after every revocation and again a quarter of its validity before its
 * nextUpdate. Publishing is serialised, so that CRL numbers strictly increase and the CRL kept is
 * always the newest; reading is lock-free. The numbers never fall below the epoch milliseconds
 * of their thisUpdate, so they keep increasing across restarts without being stored.
 */
public final class CrlService implements GetCrlUseCase {
    private static final System.Logger LOG = System.getLogger(CrlService.class.getName());

    private final RevocationListPort revocations;
    private final CertificateAuthorityPort authority;
    private final Duration validity;
    private final Duration refreshMargin;
    private final Clock clock;
    private final AtomicReference<Published> current = new AtomicReference<>();
    private final Object publishing = new Object();
    /** A publication was asked for and has not succeeded yet: the CRL kept may lack a revocation. */
    private volatile boolean stale;
    private BigInteger lastNumber = BigInteger.ZERO;

    private record Published(byte[] der, Instant nextUpdate) {
    }

    /** @param validity from thisUpdate to nextUpdate (default 24 hours) */
    public CrlService(RevocationListPort revocations, CertificateAuthorityPort authority, Duration validity, Clock clock) {
        Objects.requireNonNull(validity, "validity must not be null");
        if (validity.compareTo(Duration.ofMinutes(1)) < 0) {
            throw new IllegalArgumentException("a CRL is valid for at least a minute");
        }
        this.revocations = revocations;
        this.authority = authority;
        this.validity = validity;
        this.refreshMargin = validity.dividedBy(4);
        this.clock = clock;
    }

    @Override
    public byte[] currentCrl() {
        Published published = current.get();
        if (published == null || stale || isDue(published)) {
            published = refresh();
        }
        return published.der().clone();
    }

    @Override
    public void publishCrl() {
        synchronized (publishing) {
            stale = true;
            // X.509 times have whole seconds
            Instant thisUpdate = clock.instant().truncatedTo(ChronoUnit.SECONDS);
            Instant nextUpdate = thisUpdate.plus(validity);
            List<RevokedCertificate> entries = revocations.revokedUnexpired(thisUpdate);
            BigInteger number = lastNumber.add(BigInteger.ONE).max(BigInteger.valueOf(thisUpdate.toEpochMilli()));
            byte[] der = authority.signCrl(entries, thisUpdate, nextUpdate, number);
            lastNumber = number;
            current.set(new Published(der.clone(), nextUpdate));
            stale = false;
        }
    }

    /** Publishes unless another thread just did; keeps serving a CRL still within its validity if signing fails. */
    private Published refresh() {
        synchronized (publishing) {
            Published published = current.get();
            if (published != null && !stale && !isDue(published)) {
                return published;
            }
            try {
                publishCrl();
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

    private boolean isDue(Published published) {
        return !clock.instant().isBefore(published.nextUpdate().minus(refreshMargin));
    }
}
