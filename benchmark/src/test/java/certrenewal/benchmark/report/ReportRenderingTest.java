package certrenewal.benchmark.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import certrenewal.benchmark.measure.Measurement;
import certrenewal.benchmark.measure.Percentiles;
import org.junit.jupiter.api.Test;

class ReportRenderingTest {

    private static Report sample() {
        Report report = new Report();
        report.environment("machine", "2 cores");
        report.add(Result.measured("ca.P256", "1", "CA adapter", "P256 | 2 threads",
                new Measurement(8000, 0, 2.0, 2, new Percentiles(8000, 0.25, 0.4, 0.5, 3), ""), ""));
        report.add(Result.measured("issue.h2", "2", "issuance", "8 callers",
                new Measurement(1000, 1, 2.0, 8, new Percentiles(1000, 12, 20, 30, 40), "boom \"quoted\""), "all stored"));
        report.add(Result.skipped("cfssl.P256", "4", "cfssl", "cfssl not installed"));
        report.ratio(new Ratio("(2)/(1)", "issue.h2", "ca.P256", 0.7));
        report.ratio(new Ratio("(3)/(4)", "est.h2", "cfssl.P256", 1.0));
        report.scale(Timing.notMeasured("CRL", "single", 2000, "not yet available (issue 4)"));
        return report;
    }

    @Test
    void ratiosDivideThroughputsAndMissingOnesStayEmpty() {
        Report report = sample();
        assertEquals(4000, report.throughput("ca.P256").getAsDouble(), 1e-9);
        assertEquals(0.125, report.ratios().get(0).value(report).getAsDouble(), 1e-9);
        assertTrue(report.ratios().get(1).value(report).isEmpty());
    }

    @Test
    void markdownHasOneRowPerResultWithPipesEscapedAndTargetsJudged() {
        String markdown = MarkdownReport.render(sample());
        assertTrue(markdown.contains("| 1 | CA adapter | P256 \\| 2 threads | 8000 | 0 | 4,000 | 0.25 | 0.50 |  |"), markdown);
        assertTrue(markdown.contains("| 4 | cfssl |  | — | — | — | — | — | cfssl not installed |"), markdown);
        assertTrue(markdown.contains("| (2)/(1) | 0.125 | ≥ 0.7 | **no** |"), markdown);
        assertTrue(markdown.contains("| CRL | — | — | — | < 2,000 ms |  | not yet available (issue 4) |"), markdown);
    }

    @Test
    void jsonEscapesTextAndWritesNullForWhatWasNotMeasured() {
        String json = JsonReport.render(sample());
        assertTrue(json.contains("\"firstFailure\": \"boom \\\"quoted\\\"\""), json);
        assertTrue(json.contains("{\"name\": \"(3)/(4)\", \"value\": null, \"minimum\": 1.0000, \"met\": null}"), json);
        assertTrue(json.contains("\"perSecond\": 4000.0000"), json);
    }
}
