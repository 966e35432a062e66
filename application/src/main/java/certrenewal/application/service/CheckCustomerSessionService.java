package certrenewal.application.service;

import certrenewal.application.port.in.AuthenticatedId;
import certrenewal.application.port.in.CheckCustomerSessionUseCase;
import certrenewal.application.port.in.SessionEnd;
import certrenewal.application.port.out.LoadAccountPort;
import certrenewal.application.port.out.LoadCertificatePort;
import certrenewal.domain.account.LoginAccount;
import certrenewal.domain.certificate.Certificate;
import java.time.Clock;
import java.util.Objects;
import java.util.Optional;

/**
 * A customer's session lasts only while its login ID is active and the certificate it signed in
 * with is valid: a revoked, superseded or expired certificate, a locked or withdrawn ID, or an ID
 * now on another contract or of another kind ends it at the next request.
 */
public final class CheckCustomerSessionService implements CheckCustomerSessionUseCase {
    private final LoadAccountPort accounts;
    private final LoadCertificatePort certificates;
    private final Clock clock;

    public CheckCustomerSessionService(LoadAccountPort accounts, LoadCertificatePort certificates, Clock clock) {
        this.accounts = accounts;
        this.certificates = certificates;
        this.clock = clock;
    }

    @Override
    public Optional<SessionEnd> check(AuthenticatedId who) {
        Objects.requireNonNull(who, "who must not be null");
        Optional<LoginAccount> found = accounts.loadAccount(who.loginId());
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
        Optional<Certificate> certificate = certificates.loadCertificate(who.certificate());
        if (certificate.isEmpty() || !certificate.get().owner().equals(who.loginId())) {
            return Optional.of(SessionEnd.CERTIFICATE_REVOKED);
        }
        return switch (certificate.get().statusAt(clock.instant())) {
            case ACTIVE -> Optional.empty();
            case REVOKED -> Optional.of(SessionEnd.CERTIFICATE_REVOKED);
            case SUPERSEDED -> Optional.of(SessionEnd.CERTIFICATE_SUPERSEDED);
            case EXPIRED -> Optional.of(SessionEnd.CERTIFICATE_EXPIRED);
        };
    }
}
