package certrenewal.adapters.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import certrenewal.domain.administration.StaffRole;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The bank's zone comes from {@code certrenewal.administration.zone}, and the abbreviation after times follows it. */
class BankZoneTest {
    private static TestServer berlin;

    @BeforeAll
    static void aBankInBerlin() {
        berlin = TestServer.with(Map.of("certrenewal.administration.zone", "Europe/Berlin"));
    }

    @AfterAll
    static void stop() {
        berlin.close();
    }

    @ParameterizedTest
    @CsvSource({"Asia/Tokyo, 2026-04-01T00:00:00Z, 2026/04/01 09:00 JST", "Asia/Tokyo, 2026-12-31T15:00:00Z, 2027/01/01 00:00 JST",
            "Europe/Berlin, 2026-01-15T12:00:00Z, 2026/01/15 13:00 CET", "Europe/Berlin, 2026-07-15T12:00:00Z, 2026/07/15 14:00 CEST",
            "UTC, 2026-04-01T00:00:00Z, 2026/04/01 00:00 UTC"})
    void timesAreWrittenInTheZoneWithItsAbbreviation(String zone, Instant instant, String shown) {
        assertEquals(shown, new BankZone(zone).formatter("yyyy/MM/dd HH:mm").format(instant));
    }

    @Test
    void withoutTheSettingTheBankIsInJapan() {
        assertEquals("Asia/Tokyo", new BankZone("Asia/Tokyo").zone().getId());
        assertTrue(TestServer.shared().signedInMainMenu().contains("2026/04/21 09:00 JST"));
    }

    @Test
    void theCustomerScreensShowTimesInTheConfiguredZone() {
        assertTrue(berlin.signedInMainMenu().contains("2026/04/21 02:00 CEST"));
    }

    @Test
    void theConsoleShowsAndReadsTimesInTheConfiguredZone() {
        Browser auditor = berlin.staff(StaffRole.AUDITOR, "en");
        berlin.fakes.readAudit.returns(Samples.page(List.of(new certrenewal.application.readmodel.AuditRecord(1,
                Instant.parse("2026-01-31T08:30:00Z"), "staff:operator", "X", "Y", "SUCCESS", "")), 0, 50, 1));

        Reply reply = auditor.get("/console/audit?from=2026-01-31T09:30");

        assertEquals(Instant.parse("2026-01-31T08:30:00Z"), berlin.fakes.readAudit.onlyCall().filter().from());
        assertTrue(reply.text().contains("2026-01-31 09:30:00 CET"), reply.text());
    }
}
