package certrenewal.benchmark.scale;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class CertificateTemplateTest {

    @Test
    void serialsAreSixteenBytesWithThirtyTwoHexDigits() {
        SplittableRandom random = new SplittableRandom(1);
        for (int i = 0; i < 1000; i++) {
            byte[] serial = CertificateTemplate.serial(random);
            assertEquals(16, serial.length);
            assertEquals(32, new java.math.BigInteger(1, serial).toString(16).length());
        }
    }

    @Test
    void copiesCarryTheirOwnSerialInPlaceOfTheTemplates() {
        byte[] serial = new byte[16];
        java.util.Arrays.fill(serial, (byte) 0x42);
        byte[] der = new byte[40];
        System.arraycopy(serial, 0, der, 10, 16);
        byte[] other = CertificateTemplate.serial(new SplittableRandom(2));

        byte[] copy = new CertificateTemplate(der, serial).withSerial(other);

        assertArrayEquals(other, java.util.Arrays.copyOfRange(copy, 10, 26));
        assertEquals(der.length, copy.length);
    }

    @Test
    void aTemplateWithoutItsSerialIsRefused() {
        assertThrows(IllegalArgumentException.class, () -> new CertificateTemplate(new byte[40], new byte[16]));
    }
}
