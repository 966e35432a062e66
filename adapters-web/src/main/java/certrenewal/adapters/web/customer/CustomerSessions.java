package certrenewal.adapters.web.customer;

import certrenewal.adapters.web.SessionsPerId;
import certrenewal.application.port.in.AuthenticatedId;
import certrenewal.application.port.in.CheckCustomerSessionUseCase;
import certrenewal.application.port.in.SessionEnd;
import io.micronaut.context.annotation.Value;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpRequest;
import io.micronaut.session.Session;
import io.micronaut.session.SessionStore;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;

/**
 * The one place where a request finds its signed-in customer: the session must present the
 * certificate it was opened with ({@link SignedIn}), be younger than the absolute lifetime, and
 * the ID and its certificate must still allow it ({@link CheckCustomerSessionUseCase}). A session
 * that may not go on ends here, and the login screen says why ({@link CustomerGate}).
 */
@Singleton
public final class CustomerSessions {
    private final CheckCustomerSessionUseCase check;
    private final SessionStore<Session> sessions;
    private final Clock clock;
    private final Duration lifetime;
    private final SessionsPerId perId;

    CustomerSessions(CheckCustomerSessionUseCase check, SessionStore<Session> sessions, @Nullable Clock clock,
                     @Value("${certrenewal.session.customer-lifetime:1h}") Duration lifetime, SessionsPerId perId) {
        this.perId = perId;
        this.check = check;
        this.sessions = sessions;
        this.clock = clock == null ? Clock.systemUTC() : clock;
        this.lifetime = lifetime;
    }

    /** Records a login on a session created for it, with the time it opened. */
    void open(Session session, AuthenticatedId who, byte[] certificateDer) {
        SignedIn.record(session, who, certificateDer, clock.instant());
        perId.opened("customer:" + who.loginId().value(), session);
    }

    /**
     * The ID signed in on this session, if it presents its certificate and may go on; else the session ends. A
     * session that may reach only what it must do first (change its password, renew its expired certificate) is
     * not signed in for any other path: the request goes there instead ({@link CustomerGate}).
     */
    public Optional<AuthenticatedId> of(@Nullable Session session, HttpRequest<?> request) {
        Optional<AuthenticatedId> who = SignedIn.of(session, request);
        if (who.isEmpty()) {
            return who;
        }
        Optional<SessionEnd> end = SignedIn.openedAt(session)
                .filter(opened -> clock.instant().isBefore(opened.plus(lifetime)))
                .isEmpty() ? Optional.of(SessionEnd.LIFETIME_OVER) : check.check(who.get());
        if (end.isPresent()) {
            session.clear();
            sessions.deleteSession(session.getId());
            CustomerGate.ended(request, end.get());
            return Optional.empty();
        }
        if (!CustomerGate.reaches(who.get().scope(), request.getPath())) {
            CustomerGate.restricted(request, who.get().scope());
            return Optional.empty();
        }
        return who;
    }

    /** After the session's own password change: its new credential epoch and what it may reach now. */
    void update(Session session, AuthenticatedId who) {
        SignedIn.update(session, who);
    }
}
