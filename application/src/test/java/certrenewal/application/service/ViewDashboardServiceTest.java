package certrenewal.application.service;

import static certrenewal.application.service.RenewalUseCasesTest.assertRefused;
import static certrenewal.application.service.TestWorld.ADMIN;
import static certrenewal.application.service.TestWorld.ADMIN_ACTOR;
import static certrenewal.application.service.TestWorld.AUDITOR;
import static certrenewal.application.service.TestWorld.CONTRACT;
import static certrenewal.application.service.TestWorld.OPERATOR;
import static certrenewal.application.service.TestWorld.ZONE;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import certrenewal.application.readmodel.CertificateSummary;
import certrenewal.application.readmodel.CertificateSearch;
import certrenewal.application.readmodel.SearchPage;
import certrenewal.application.port.out.AuditEvent;
import certrenewal.domain.Rejection.Code;
import certrenewal.domain.administration.Actor;
import certrenewal.domain.certificate.CertificateStatus;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;

class ViewDashboardServiceTest {
    private static final CertificateSearch EVERYTHING = new CertificateSearch(null, null, null, null, null, null, null,
            false, 0, 20);

    private final TestWorld world = new TestWorld();

    @Test
    void theDashboardCountsAtThisMomentWithDaysAndWeeksOfTheBanksZone() {
        world.clock.advance(Duration.ofHours(7));

        world.dashboard.dashboard(OPERATOR);

        assertEquals(world.clock.instant(), world.consoleQueries.lastNow);
        assertEquals(ZoneId.of("Asia/Tokyo"), world.consoleQueries.lastZone);
        assertEquals(ZONE, world.consoleQueries.lastZone);
    }

    @Test
    void dashboardFiguresAreKeptUntilTheyAreTheirMaximumAgeAndSayWhenTheyWereCounted() {
        ViewDashboardService keeping = keepingFiguresAMinute();
        Instant first = world.clock.instant();

        assertEquals(first, keeping.dashboard(OPERATOR).asOf());
        world.clock.advance(Duration.ofSeconds(59));
        assertEquals(first, keeping.dashboard(AUDITOR).asOf(), "59 s old: shown as counted");
        world.clock.advance(Duration.ofSeconds(1));
        assertEquals(world.clock.instant(), keeping.dashboard(OPERATOR).asOf(), "60 s old: counted anew");

        assertEquals(List.of("dashboard", "dashboard"), world.consoleQueries.calls);
    }

    @Test
    void refreshingCountsTheDashboardAnewForTheNextView() {
        ViewDashboardService keeping = keepingFiguresAMinute();
        keeping.dashboard(OPERATOR);
        world.clock.advance(Duration.ofSeconds(30));

        keeping.refreshDashboard();
        world.clock.advance(Duration.ofSeconds(45));

        assertEquals(world.clock.instant().minusSeconds(45), keeping.dashboard(OPERATOR).asOf(),
                "75 s after the first count, the refreshed figures are 45 s old");
        assertEquals(List.of("dashboard", "dashboard"), world.consoleQueries.calls);
    }

    @Test
    void keptFiguresAreStillOnlyForThoseAllowedToSeeThem() {
        ViewDashboardService keeping = keepingFiguresAMinute();
        keeping.dashboard(OPERATOR);

        assertRefused(Code.NOT_PERMITTED, () -> keeping.dashboard(ADMIN_ACTOR));
        assertEquals(List.of("dashboard"), world.consoleQueries.calls);
    }

    private ViewDashboardService keepingFiguresAMinute() {
        return new ViewDashboardService(world.consoleQueries, world.store, world.store, ZONE, Duration.ofSeconds(60),
                world.clock);
    }

    @Test
    void aDashboardInAnotherZoneIsWhatTheConstructorSays() {
        ViewDashboardService utc = new ViewDashboardService(world.consoleQueries, world.store, world.store, ZoneId.of("UTC"),
                Duration.ZERO, world.clock);

        utc.dashboard(AUDITOR);

        assertEquals(ZoneId.of("UTC"), world.consoleQueries.lastZone);
    }

    @Test
    void searchesJudgeExpiryAtThisMoment() {
        world.clock.set(world.firstExpiry());

        SearchPage<CertificateSummary> page = world.searchRecords.search(OPERATOR, EVERYTHING);

        assertEquals(world.clock.instant(), world.consoleQueries.lastNow);
        assertEquals(List.of(CertificateStatus.EXPIRED), page.rows().stream().map(CertificateSummary::status).toList());
    }

    @Test
    void operatorsOpenDetailPages() {
        assertEquals(ADMIN, world.searchRecords.loginIdDetails(OPERATOR, ADMIN).orElseThrow().id().loginId());
        assertEquals(CONTRACT, world.searchRecords.contractDetails(OPERATOR, CONTRACT.number()).orElseThrow().contract());
        assertEquals(Optional.of(ADMIN), world.searchRecords.ownerOf(OPERATOR, world.first.certificate().serial()));
    }

    @Test
    void auditorsSeeTheDashboardButLookUpNothing() {
        world.dashboard.dashboard(AUDITOR);

        assertEveryLookUpRefused(AUDITOR);
    }

    @Test
    void customerAdministratorsSeeNoConsolePage() {
        assertRefusedAndAudited(ADMIN_ACTOR, () -> world.dashboard.dashboard(ADMIN_ACTOR));
        assertEveryLookUpRefused(ADMIN_ACTOR);
    }

    private void assertEveryLookUpRefused(Actor actor) {
        int before = world.consoleQueries.calls.size();
        assertRefusedAndAudited(actor, () -> world.searchRecords.search(actor, EVERYTHING));
        assertRefusedAndAudited(actor, () -> world.searchRecords.loginIdDetails(actor, ADMIN));
        assertRefusedAndAudited(actor, () -> world.searchRecords.contractDetails(actor, CONTRACT.number()));
        assertRefusedAndAudited(actor, () -> world.searchRecords.ownerOf(actor, world.first.certificate().serial()));
        assertEquals(before, world.consoleQueries.calls.size(), "nothing was looked up");
    }

    private void assertRefusedAndAudited(Actor actor, Executable call) {
        assertRefused(Code.NOT_PERMITTED, call);
        AuditEvent entry = world.store.audit().getLast();
        assertEquals(AuditEvent.REFUSED, entry.outcome());
        assertEquals(actor.auditName(), entry.actor());
        assertTrue(entry.action().startsWith("CONSOLE_"), entry.action());
    }
}
