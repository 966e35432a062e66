package certrenewal.adapters.pki;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class Pbkdf2PasswordHasherTest {
    private final Pbkdf2PasswordHasher hasher = new Pbkdf2PasswordHasher(1_000);

    @Test
    void theRightPasswordMatchesAndAWrongOneDoesNot() {
        String hash = hasher.hash("correct horse".toCharArray());
        assertTrue(hasher.matches("correct horse".toCharArray(), hash));
        assertFalse(hasher.matches("correct hors".toCharArray(), hash));
    }

    @Test
    void eachHashHasItsOwnSaltAndNeverContainsThePassword() {
        String first = hasher.hash("パスワード1234".toCharArray());
        String second = hasher.hash("パスワード1234".toCharArray());
        assertNotEquals(first, second);
        assertFalse(first.contains("パスワード1234"));
        assertTrue(first.startsWith("pbkdf2-sha256$1000$"), first);
    }

    @Test
    void hashesOfAnotherCostStillVerify() {
        String stronger = new Pbkdf2PasswordHasher(2_000).hash("secret-pass".toCharArray());
        assertTrue(hasher.matches("secret-pass".toCharArray(), stronger));
    }

    @Test
    void decoyHashHasTheFormatAndCostOfARealOneAndMatchesNoPassword() {
        String real = hasher.hash("decoy-password".toCharArray());
        String decoy = hasher.decoyHash();

        String[] realParts = real.split("\\$");
        String[] decoyParts = decoy.split("\\$");
        assertEquals(realParts.length, decoyParts.length);
        assertEquals(realParts[0], decoyParts[0]);
        assertEquals(realParts[1], decoyParts[1], "the same iterations, so a comparison takes as long");
        assertEquals(realParts[3].length(), decoyParts[3].length());
        assertFalse(hasher.matches("decoy-password".toCharArray(), decoy));
        assertFalse(hasher.matches("".toCharArray(), decoy));
        assertNotEquals(decoy, hasher.decoyHash());
    }

    @Test
    void unreadableHashesNeverMatch() {
        assertFalse(hasher.matches("x".toCharArray(), null));
        assertFalse(hasher.matches("x".toCharArray(), "plain-text"));
        assertFalse(hasher.matches("x".toCharArray(), "pbkdf2-sha256$abc$!!$??"));
        assertFalse(hasher.matches("x".toCharArray(), "pbkdf2-sha256$0$c2FsdA$aGFzaA"));
    }
}
