package certrenewal.application.service;

import certrenewal.domain.certificate.SerialNumber;
import java.math.BigInteger;
import java.security.SecureRandom;

/** 128-bit random serial numbers from a CSPRNG, as step-ca does (RFC 5280 asks for at least 64). */
final class SerialNumbers {
    private final SecureRandom random = new SecureRandom();

    SerialNumber next() {
        BigInteger value;
        do {
            value = new BigInteger(128, random);
        } while (value.signum() == 0);
        return new SerialNumber(value);
    }
}
