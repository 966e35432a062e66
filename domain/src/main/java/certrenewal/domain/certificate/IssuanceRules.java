package certrenewal.domain.certificate;

import certrenewal.domain.Rejection;
import certrenewal.domain.account.LoginId;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * What must hold before the CA signs for an ID, whichever way the request came (browser renewal,
 * EST, pickup): a key is certified for one ID only and never again once revoked as compromised
 * (Boulder's and EJBCA's blocked keys), and an ID gets at most {@code perDay} certificates in any
 * rolling 24 hours, so that a stolen certificate cannot be used to mint new ones without end.
 *
 * @param perDay certificates an ID may receive in any 24 hours (default 5)
 */
public record IssuanceRules(int perDay) {
    public static final Duration WINDOW = Duration.ofHours(24);

    public IssuanceRules {
        if (perDay < 1) {
            throw new IllegalArgumentException("an ID must be allowed at least one certificate a day");
        }
    }

    /** Why {@code requester} may not have a certificate for a key that {@code sameKey} already certify; empty when it may. */
    public Optional<Rejection> keyRefusal(LoginId requester, List<Certificate> sameKey) {
        if (sameKey.stream().anyMatch(c -> c.revocationReason() == RevocationReason.KEY_COMPROMISE)) {
            return Optional.of(Rejection.of(Rejection.Code.KEY_COMPROMISED));
        }
        if (sameKey.stream().anyMatch(c -> !c.owner().equals(requester))) {
            return Optional.of(Rejection.of(Rejection.Code.KEY_ALREADY_CERTIFIED));
        }
        return Optional.empty();
    }

    /** The certificates issued after this moment count towards the limit. */
    public Instant windowStart(Instant now) {
        return now.minus(WINDOW);
    }

    /**
     * When the ID may have another certificate, given the issue times of its certificates issued
     * after {@link #windowStart}; empty when it may now.
     */
    public Optional<Instant> exhaustedUntil(List<Instant> issuedInWindow, Instant now) {
        if (issuedInWindow.size() < perDay) {
            return Optional.empty();
        }
        // the oldest that still counts leaves the window first
        List<Instant> newestFirst = issuedInWindow.stream().sorted(Comparator.reverseOrder()).toList();
        return Optional.of(newestFirst.get(perDay - 1).plus(WINDOW));
    }
}
