package certrenewal.domain.certificate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.math.BigInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class SerialNumberTest {

    @Test
    void largestSerialFitsInTwentyOctets() {
        // 2^159 - 1 encodes as 20 octets; 2^159 needs a leading zero octet to stay positive: 21
        BigInteger largest = BigInteger.ONE.shiftLeft(159).subtract(BigInteger.ONE);

        assertEquals(largest, new SerialNumber(largest).value());
        assertThrows(IllegalArgumentException.class, () -> new SerialNumber(largest.add(BigInteger.ONE)));
        assertThrows(IllegalArgumentException.class, () -> new SerialNumber(BigInteger.ONE.shiftLeft(160)));
    }

    @Test
    void oneIsTheSmallestSerial() {
        assertEquals(BigInteger.ONE, new SerialNumber(BigInteger.ONE).value());
    }

    @Test
    void zeroAndNegativeSerialsAreRefused() {
        assertThrows(IllegalArgumentException.class, () -> new SerialNumber(BigInteger.ZERO));
        assertThrows(IllegalArgumentException.class, () -> new SerialNumber(BigInteger.valueOf(-5)));
        assertThrows(NullPointerException.class, () -> new SerialNumber(null));
    }

    @ParameterizedTest
    @ValueSource(strings = {"1f0e", "1F0E", "1f:0e", "1F:0E", " 1f0e ", "001f0e"})
    void ofHexReadsEitherCaseWithOrWithoutColons(String hex) {
        assertEquals(new SerialNumber(BigInteger.valueOf(0x1f0e)), SerialNumber.ofHex(hex));
    }

    @Test
    void ofHexReadsTwentyOctetsAndRefusesTwentyOne() {
        String twentyOctets = "7f" + "ff".repeat(19);
        assertEquals(20, SerialNumber.ofHex(twentyOctets).value().toByteArray().length);
        assertThrows(IllegalArgumentException.class, () -> SerialNumber.ofHex("80" + "00".repeat(19)));
    }

    @ParameterizedTest
    @ValueSource(strings = {"", ":", "  ", "0x1f", "1g", "-1f", "1f 0e", "00", "0:0"})
    void ofHexRefusesWhatIsNotAPositiveHexNumber(String hex) {
        assertThrows(IllegalArgumentException.class, () -> SerialNumber.ofHex(hex));
    }

    @Test
    void ofHexRefusesNull() {
        assertThrows(NullPointerException.class, () -> SerialNumber.ofHex(null));
    }

    @Test
    void hexIsLowerCaseWithoutSeparatorsAndRoundTrips() {
        SerialNumber serial = SerialNumber.ofHex("AB:CD:EF:01");

        assertEquals("abcdef01", serial.hex());
        assertEquals("abcdef01", serial.toString());
        assertEquals(serial, SerialNumber.ofHex(serial.hex()));
    }
}
