package certrenewal.adapters.web;

import io.micronaut.context.annotation.Value;
import io.micronaut.session.Session;
import io.micronaut.session.SessionStore;
import jakarta.inject.Singleton;
import java.util.ArrayList;
import java.util.List;

/**
 * At most so many signed-in sessions per ID at once (a customer's login ID, a staff username):
 * a login beyond them ends the oldest. Only IDs that logged in are remembered, one short list each,
 * where the sessions are ({@link OpenSessions}): in this server's memory, or in Redis, shared by every server.
 */
@Singleton
public final class SessionsPerId {
    private final SessionStore<Session> sessions;
    private final OpenSessions open;
    private final int max;

    SessionsPerId(SessionStore<Session> sessions, OpenSessions open,
                  @Value("${certrenewal.session.max-per-id:3}") int max) {
        if (max < 1) {
            throw new IllegalArgumentException("certrenewal.session.max-per-id must be at least 1");
        }
        this.sessions = sessions;
        this.open = open;
        this.max = max;
    }

    /** Counts a session just opened for {@code id} (e.g. "customer:demo-admin"), ending the oldest beyond the bound. */
    public void opened(String id, Session session) {
        List<String> listed = open.add(id, session.getId());
        int self = listed.indexOf(session.getId());
        List<String> live = new ArrayList<>(listed.size());
        for (int i = 0; i < listed.size(); i++) {
            String other = listed.get(i);
            // this session and those opened after it (elsewhere, at the same moment) may not be stored yet
            if (i >= self || sessions.findSession(other).join().isPresent()) {
                live.add(other);
            } else {
                open.remove(id, other); // expired, logged out or ended
            }
        }
        while (live.size() > max) {
            String oldest = live.removeFirst();
            sessions.deleteSession(oldest).join();
            open.remove(id, oldest);
        }
    }
}
