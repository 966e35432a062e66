package certrenewal.benchmark.scale;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class ScaleShapeTest {

    @Test
    void aMillionCertificatesSpreadOverThreeHundredThousandIds() {
        ScaleShape shape = new ScaleShape(1_000_000, 300_000);
        assertEquals(1_000_000, IntStream.range(0, shape.ids()).map(shape::certificatesOf).sum());
        assertEquals(30_000, shape.contracts());
        assertEquals(100_000, IntStream.range(0, shape.ids()).filter(shape::hadRevocation).count());
    }

    @Test
    void namesFitTheDomainFormats() {
        assertEquals("s0299999", ScaleShape.loginId(299_999));
        assertEquals("S029999", ScaleShape.contractNumber(299_999));
    }
}
