package certrenewal.adapters.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import java.util.Base64;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class SessionSecretsTest {
    private static final String SHARED = "the servers' form-token secret";

    @Test
    void aSealedSecretOpensOnEveryServerSharingTheSecretInTheSessionItWasSealedFor() {
        String sealed = new SessionSecrets(SHARED).seal("session-1", "Login Pass 1");

        assertFalse(sealed.contains("Login Pass 1"));
        assertNotEquals(sealed, new SessionSecrets(SHARED).seal("session-1", "Login Pass 1"), "a new nonce each time");
        assertEquals(Optional.of("Login Pass 1"), new SessionSecrets(SHARED).open("session-1", sealed), "another server");
    }

    @Test
    void aSealedSecretDoesNotOpenInAnotherSessionUnderAnotherKeyOrChanged() {
        SessionSecrets secrets = new SessionSecrets(SHARED);
        String sealed = secrets.seal("session-1", "Login Pass 1");
        byte[] changed = Base64.getDecoder().decode(sealed);
        changed[changed.length - 1] ^= 1;

        assertEquals(Optional.empty(), secrets.open("session-2", sealed), "copied into another session");
        assertEquals(Optional.empty(), new SessionSecrets("another secret").open("session-1", sealed));
        assertEquals(Optional.empty(), new SessionSecrets("").open("session-1", sealed), "a key made at start");
        assertEquals(Optional.empty(), secrets.open("session-1", Base64.getEncoder().encodeToString(changed)));
        assertEquals(Optional.empty(), secrets.open("session-1", "no base64 !"));
        assertEquals(Optional.empty(), secrets.open("session-1", ""));
    }
}
