package certrenewal.domain.renewal;

import certrenewal.domain.certificate.SerialNumber;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The renewals of one login ID that could still give it a certificate: the open one (at most one)
 * and issued ones whose new certificate has not been used yet. Whatever changes the ID's
 * certificate behind them (a revocation, a re-issue, a new renewal) ends them all in one step, and
 * the certificates they issued but nobody used must be revoked with them.
 */
public record UnfinishedRenewals(Optional<Renewal.Open> open, List<Renewal.Issued> unused) {
    public UnfinishedRenewals {
        Objects.requireNonNull(open, "open must not be null");
        unused = List.copyOf(unused);
    }

    /** The renewals ended, in order, and the serials of the unused certificates to revoke, in the same order. */
    public record Ended(List<Renewal.Abandoned> renewals, List<SerialNumber> unusedCertificates) {
        public Ended {
            renewals = List.copyOf(renewals);
            unusedCertificates = List.copyOf(unusedCertificates);
        }
    }

    /** The unused certificate an ended renewal had issued; empty for the open one, which issued none. */
    public Optional<SerialNumber> unusedCertificateOf(Renewal renewal) {
        return unused.stream().filter(u -> u.id().equals(renewal.id())).map(Renewal.Issued::newSerial).findFirst();
    }

    public boolean isEmpty() {
        return open.isEmpty() && unused.isEmpty();
    }

    /** Ended by an administrative change (revocation, re-issue): the open renewal is abandoned and the issued ones declined, for {@code why}. */
    public Ended end(String why, Instant now) {
        List<Renewal.Abandoned> ended = new ArrayList<>();
        open.ifPresent(renewal -> ended.add(renewal.abandon(why, now)));
        unused.forEach(renewal -> ended.add(renewal.decline(why, now)));
        return new Ended(ended, unusedSerials());
    }

    /**
     * Ended because the ID starts a new renewal: the open one may only be there because it timed
     * out, and the issued ones are replaced by the new one.
     */
    public Ended replace(RenewalPolicy policy, Instant now) {
        List<Renewal.Abandoned> ended = new ArrayList<>();
        open.ifPresent(renewal -> {
            if (!renewal.hasTimedOut(now, policy)) {
                throw new IllegalStateException("renewal " + renewal.id() + " is open and has not timed out");
            }
            ended.add(renewal.abandon("timed out", now));
        });
        unused.forEach(renewal -> ended.add(renewal.replace(now)));
        return new Ended(ended, unusedSerials());
    }

    private List<SerialNumber> unusedSerials() {
        return unused.stream().map(Renewal.Issued::newSerial).toList();
    }
}
