package certrenewal.application.service;

import certrenewal.application.port.out.PasswordHasherPort;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.concurrent.atomic.AtomicInteger;

/** A fast stand-in for PBKDF2 (tested in its adapter): a salted SHA-256, so that no hash contains its password. */
final class FakePasswordHasher implements PasswordHasherPort {
    private static final String PREFIX = "fake-sha256:";
    private final AtomicInteger hashed = new AtomicInteger();

    /** How many new hashes were asked for (the real ones cost 600,000 PBKDF2 iterations each). */
    int hashed() {
        return hashed.get();
    }

    @Override
    public String hash(char[] password) {
        hashed.incrementAndGet();
        return digest(password);
    }

    private static String digest(char[] password) {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            digest.update("test-salt".getBytes(StandardCharsets.US_ASCII));
            ByteBuffer bytes = StandardCharsets.UTF_8.encode(CharBuffer.wrap(password));
            digest.update(bytes);
            return PREFIX + HexFormat.of().formatHex(digest.digest());
        } catch (GeneralSecurityException e) {
            throw new AssertionError(e);
        }
    }

    @Override
    public String decoyHash() {
        return PREFIX + "0".repeat(64); // no SHA-256 output is all zeros
    }

    @Override
    public boolean matches(char[] password, String hash) {
        return hash != null && hash.startsWith(PREFIX)
                && MessageDigest.isEqual(digest(password).getBytes(StandardCharsets.US_ASCII), hash.getBytes(StandardCharsets.US_ASCII));
    }
}
