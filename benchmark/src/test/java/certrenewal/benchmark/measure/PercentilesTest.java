package certrenewal.benchmark.measure;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;

class PercentilesTest {

    @Test
    void nearestRankOfOneToHundredMillisecondsIsTheRankItself() {
        long[] nanos = LongStream.rangeClosed(1, 100).map(ms -> ms * 1_000_000).toArray();
        Percentiles p = Percentiles.ofNanos(nanos);
        assertEquals(100, p.samples());
        assertEquals(50.0, p.p50());
        assertEquals(95.0, p.p95());
        assertEquals(99.0, p.p99());
        assertEquals(100.0, p.max());
    }

    @Test
    void orderOfSamplesDoesNotMatterAndTheInputIsLeftAlone() {
        long[] nanos = {5_000_000, 1_000_000, 3_000_000};
        Percentiles p = Percentiles.ofNanos(nanos);
        assertEquals(3.0, p.p50());
        assertEquals(5.0, p.p99());
        assertEquals(5_000_000, nanos[0]);
    }

    @Test
    void aSingleSampleIsEveryPercentile() {
        Percentiles p = Percentiles.ofNanos(new long[] {2_500_000});
        assertEquals(2.5, p.p50());
        assertEquals(2.5, p.p99());
    }

    @Test
    void noSamplesGiveNoFigures() {
        Percentiles p = Percentiles.ofNanos(new long[0]);
        assertEquals(0, p.samples());
        assertTrue(Double.isNaN(p.p50()));
    }
}
