package certrenewal.application.service;

import certrenewal.application.port.in.AuthenticatedId;
import certrenewal.application.port.in.CheckCustomerSessionUseCase;
import certrenewal.application.port.in.SessionEnd;
import certrenewal.application.port.out.LoadAccountPort;
import certrenewal.application.port.out.LoadCertificatePort;
import certrenewal.domain.account.AccessScope;
import certrenewal.domain.account.LoginAccount;
import certrenewal.domain.certificate.Certificate;
import certrenewal.domain.renewal.RenewalPolicy;
import java.time.Clock;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * A customer's session lasts only while its login ID is active, its login password unchanged since the
 * session's login (another session changed it), and the certificate it signed in with is valid: a revoked,
 * superseded or expired certificate, a locked or withdrawn ID, or an ID now on another contract or of another
 * kind ends it at the next request. A session opened with a certificate that expired within the grace period
 * (it may only renew) lasts until the grace period ends.
 */
public final class CheckCustomerSessionService implements CheckCustomerSessionUseCase {
    private final LoadAccountPort accounts;
    private final LoadCertificatePort certificates;
    private final RenewalPolicy policy;
    private final Clock clock;

    public CheckCustomerSessionService(LoadAccountPort accounts, LoadCertificatePort certificates, RenewalPolicy policy,
                                       Clock clock) {
        this.accounts = accounts;
        this.certificates = certificates;
        this.policy = policy;
        this.clock = clock;
    }

    @Override
    public Optional<SessionEnd> check(AuthenticatedId who) {
        Objects.requireNonNull(who, "who must not be null");
        // one read for both: this runs at every request of every signed-in customer
        Optional<LoadAccountPort.AccountWithPasswordState> read = accounts.loadAccountWithPasswordState(who.loginId());
        Optional<LoginAccount> found = read.map(LoadAccountPort.AccountWithPasswordState::account);
        if (found.isEmpty() || !found.get().contract().equals(who.contract()) || found.get().kind() != who.kind()) {
            return Optional.of(SessionEnd.WITHDRAWN);
        }
        switch (found.get().status()) {
            case LOCKED -> {
                return Optional.of(SessionEnd.LOCKED);
            }
            case REVOKED -> {
                return Optional.of(SessionEnd.WITHDRAWN);
            }
            case ACTIVE -> {
            }
        }
        if (read.get().passwordState().epoch() != who.credentialEpoch()) {
            return Optional.of(SessionEnd.PASSWORD_CHANGED);
        }
        Optional<Certificate> certificate = certificates.loadCertificate(who.certificate());
        if (certificate.isEmpty() || !certificate.get().owner().equals(who.loginId())) {
            return Optional.of(SessionEnd.CERTIFICATE_REVOKED);
        }
        Instant now = clock.instant();
        return switch (certificate.get().statusAt(now)) {
            case ACTIVE -> Optional.empty();
            case REVOKED -> Optional.of(SessionEnd.CERTIFICATE_REVOKED);
            case SUPERSEDED -> Optional.of(SessionEnd.CERTIFICATE_SUPERSEDED);
            case EXPIRED -> who.scope() != AccessScope.FULL
                    && policy.renewableAfterExpiry(certificate.get().notAfter(), now)
                    ? Optional.empty() : Optional.of(SessionEnd.CERTIFICATE_EXPIRED);
        };
    }
}
