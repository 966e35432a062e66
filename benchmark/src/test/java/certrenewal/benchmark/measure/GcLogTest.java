package certrenewal.benchmark.measure;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

class GcLogTest {

    @Test
    void readsPeakHeapAndPausesFromUnifiedGcLines() {
        GcLog log = GcLog.parse(List.of(
                "[0.012s][info][gc] Using G1",
                "[1.234s][info][gc] GC(0) Pause Young (Normal) (G1 Evacuation Pause) 24M->5M(256M) 3.500ms",
                "[2.345s][info][gc] GC(1) Pause Young (Normal) (G1 Evacuation Pause) 61M->9M(300M) 1.500ms"));
        assertEquals(2, log.collections());
        assertEquals(61, log.peakUsedMib());
        assertEquals(300, log.peakCommittedMib());
        assertEquals(5.0, log.pauseMillis(), 1e-9);
    }
}
