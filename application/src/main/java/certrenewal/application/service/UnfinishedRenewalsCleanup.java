package certrenewal.application.service;

import certrenewal.application.port.out.LoadCertificatePort;
import certrenewal.application.port.out.RenewalPort;
import certrenewal.domain.account.LoginId;
import certrenewal.domain.certificate.CertificateStatus;
import certrenewal.domain.certificate.RevocationReason;
import certrenewal.domain.certificate.SerialNumber;
import certrenewal.domain.renewal.Renewal;
import certrenewal.domain.renewal.RenewalPolicy;
import certrenewal.domain.renewal.UnfinishedRenewals;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Stores what {@link UnfinishedRenewals} decides when an ID's certificate changes behind its
 * renewals, revokes the unused certificates they issued and audits each step. Must run inside the
 * caller's transaction.
 */
final class UnfinishedRenewalsCleanup {
    private final RenewalPort renewals;
    private final LoadCertificatePort certificates;
    private final Revocations revocations;
    private final Audit audit;

    UnfinishedRenewalsCleanup(RenewalPort renewals, LoadCertificatePort certificates, Revocations revocations, Audit audit) {
        this.renewals = renewals;
        this.certificates = certificates;
        this.revocations = revocations;
        this.audit = audit;
    }

    /**
     * An administrative change (revocation, re-issue) by {@code actor}: every unfinished renewal
     * ends for {@code why}; the unused certificates are revoked with {@code reason}. Returns their serials.
     */
    List<SerialNumber> end(LoginId id, RevocationReason reason, String why, String actor, Instant now) {
        UnfinishedRenewals unfinished = of(id);
        UnfinishedRenewals.Ended ended = unfinished.end(why, now);
        for (Renewal.Abandoned renewal : ended.renewals()) {
            renewals.updateRenewal(renewal);
            audit.success(actor, "RENEWAL_ABANDONED", target(renewal), unfinished.unusedCertificateOf(renewal)
                    .map(serial -> why + "; unused certificate " + serial.hex() + " revoked").orElse(why));
        }
        return revokeUnused(ended, reason, now);
    }

    /**
     * A new renewal of the ID, which found {@code unfinished} in its transaction: a timed-out open renewal is abandoned
     * (by the system), issued ones are replaced and their unused certificates superseded (by the ID). Returns the
     * serials superseded.
     */
    List<SerialNumber> replace(LoginId id, UnfinishedRenewals unfinished, RenewalPolicy policy, Instant now) {
        UnfinishedRenewals.Ended ended = unfinished.replace(policy, now);
        for (Renewal.Abandoned renewal : ended.renewals()) {
            renewals.updateRenewal(renewal);
            Optional<SerialNumber> unusedCertificate = unfinished.unusedCertificateOf(renewal);
            if (unusedCertificate.isEmpty()) {
                audit.success("system", "RENEWAL_ABANDONED", target(renewal), "timed out");
            } else {
                audit.success(id.value(), "RENEWAL_REPLACED", target(renewal),
                        "unused certificate " + unusedCertificate.get().hex() + " superseded");
            }
        }
        return revokeUnused(ended, RevocationReason.SUPERSEDED, now);
    }

    private UnfinishedRenewals of(LoginId id) {
        return renewals.findUnfinishedRenewals(id);
    }

    private List<SerialNumber> revokeUnused(UnfinishedRenewals.Ended ended, RevocationReason reason, Instant now) {
        List<SerialNumber> revoked = new ArrayList<>();
        for (SerialNumber serial : ended.unusedCertificates()) {
            certificates.loadCertificate(serial)
                    .filter(c -> c.statusAt(now) == CertificateStatus.ACTIVE)
                    .ifPresent(c -> {
                        revocations.revoke(c, reason, now);
                        revoked.add(serial);
                    });
        }
        return revoked;
    }

    private static String target(Renewal renewal) {
        return "renewal:" + renewal.id();
    }
}
