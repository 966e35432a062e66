package certrenewal.benchmark.scale;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.random.RandomGenerator;

/**
 * Filler certificates for the scale data set: one real certificate with its 16-byte serial
 * rewritten per row. Each copy parses, carries its own serial and has a real certificate's size; its
 * signature no longer verifies, which the look-ups never check (the TLS handshake has done that
 * before the application sees a certificate).
 */
final class CertificateTemplate {
    static final int SERIAL_BYTES = 16;

    private final byte[] der;
    private final int serialOffset;

    /** @param der a certificate whose serial is {@code serial}, which must occur in it exactly once */
    CertificateTemplate(byte[] der, byte[] serial) {
        if (serial.length != SERIAL_BYTES) {
            throw new IllegalArgumentException("the template's serial must have " + SERIAL_BYTES + " bytes");
        }
        this.der = der.clone();
        this.serialOffset = find(der, serial);
    }

    /** The template with {@code serial} in place of its own. */
    byte[] withSerial(byte[] serial) {
        byte[] copy = der.clone();
        System.arraycopy(serial, 0, copy, serialOffset, SERIAL_BYTES);
        return copy;
    }

    /** A positive serial of exactly 16 bytes without a leading zero nibble: 32 hex digits, DER INTEGER of 16 bytes. */
    static byte[] serial(RandomGenerator random) {
        byte[] serial = new byte[SERIAL_BYTES];
        random.nextBytes(serial);
        serial[0] = (byte) (0x10 + random.nextInt(0x70));
        return serial;
    }

    static String hex(byte[] serial) {
        return HexFormat.of().formatHex(serial);
    }

    static String fingerprint(MessageDigest sha256, byte[] der) {
        return HexFormat.of().withUpperCase().formatHex(sha256.digest(der));
    }

    static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static int find(byte[] haystack, byte[] needle) {
        int found = -1;
        for (int i = 0; i + needle.length <= haystack.length; i++) {
            if (Arrays.equals(haystack, i, i + needle.length, needle, 0, needle.length)) {
                if (found >= 0) {
                    throw new IllegalArgumentException("the serial occurs more than once in the template");
                }
                found = i;
            }
        }
        if (found < 0) {
            throw new IllegalArgumentException("the serial does not occur in the template");
        }
        return found;
    }
}
