package certrenewal.adapters.web;

import io.micronaut.context.annotation.Value;
import jakarta.inject.Singleton;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Optional;
import javax.crypto.Cipher;
import javax.crypto.Mac;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * Secrets a session must hold for a moment (証明書取得's verified passwords between its two screens), sealed with
 * AES-256-GCM before they go into the session store, which may be Redis shared by every server: whoever reads the
 * store reads no password. The key is derived from {@code certrenewal.web.form-token-secret}, which every server
 * shares (else made at start, for one server); a sealed value opens only in the session it was sealed for.
 */
@Singleton
public final class SessionSecrets {
    private static final String CIPHER = "AES/GCM/NoPadding";
    private static final int NONCE_BYTES = 12;
    private static final int TAG_BITS = 128;
    private static final SecureRandom RANDOM = new SecureRandom();
    private final SecretKeySpec key;

    SessionSecrets(@Value("${certrenewal.web.form-token-secret:}") String secret) {
        byte[] keyBytes;
        if (secret.isBlank()) {
            keyBytes = new byte[32];
            RANDOM.nextBytes(keyBytes);
        } else {
            // a key of its own, not the form tokens' HMAC key itself
            keyBytes = hmac(secret.getBytes(StandardCharsets.UTF_8), "certrenewal session secrets v1");
        }
        this.key = new SecretKeySpec(keyBytes, "AES");
    }

    /** {@code secret} sealed for the session {@code sessionId}, as text a session attribute holds. */
    public String seal(String sessionId, String secret) {
        try {
            byte[] nonce = new byte[NONCE_BYTES];
            RANDOM.nextBytes(nonce);
            Cipher cipher = Cipher.getInstance(CIPHER);
            cipher.init(Cipher.ENCRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, nonce));
            cipher.updateAAD(sessionId.getBytes(StandardCharsets.UTF_8));
            byte[] sealed = cipher.doFinal(secret.getBytes(StandardCharsets.UTF_8));
            byte[] out = new byte[NONCE_BYTES + sealed.length];
            System.arraycopy(nonce, 0, out, 0, NONCE_BYTES);
            System.arraycopy(sealed, 0, out, NONCE_BYTES, sealed.length);
            return Base64.getEncoder().encodeToString(out);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-GCM is not available", e);
        }
    }

    /** The secret sealed for {@code sessionId}; empty when it was sealed for another session, changed or under another key. */
    public Optional<String> open(String sessionId, String sealed) {
        try {
            byte[] in = Base64.getDecoder().decode(sealed);
            if (in.length <= NONCE_BYTES) {
                return Optional.empty();
            }
            Cipher cipher = Cipher.getInstance(CIPHER);
            cipher.init(Cipher.DECRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, in, 0, NONCE_BYTES));
            cipher.updateAAD(sessionId.getBytes(StandardCharsets.UTF_8));
            byte[] plain = cipher.doFinal(in, NONCE_BYTES, in.length - NONCE_BYTES);
            return Optional.of(new String(plain, StandardCharsets.UTF_8));
        } catch (IllegalArgumentException | GeneralSecurityException e) {
            return Optional.empty();
        }
    }

    private static byte[] hmac(byte[] key, String label) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
            return mac.doFinal(label.getBytes(StandardCharsets.UTF_8));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HMAC-SHA256 is not available", e);
        }
    }
}
