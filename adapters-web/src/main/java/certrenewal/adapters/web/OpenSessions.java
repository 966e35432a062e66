package certrenewal.adapters.web;

import java.util.List;

/**
 * The list of signed-in sessions each ID opened, oldest first, that {@link SessionsPerId} bounds: kept where
 * the sessions are, so that with sessions shared by several servers every server sees every login.
 */
interface OpenSessions {

    /**
     * Appends {@code sessionId} to the list of {@code id} and returns the list as it is then, oldest first,
     * {@code sessionId} included (with logins of the same ID elsewhere at the same moment, perhaps not last).
     */
    List<String> add(String id, String sessionId);

    /** Takes {@code sessionId} off the list of {@code id} (ended, or found gone). */
    void remove(String id, String sessionId);
}
