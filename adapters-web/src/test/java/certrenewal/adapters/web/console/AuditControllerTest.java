package certrenewal.adapters.web.console;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import certrenewal.adapters.web.Browser;
import certrenewal.adapters.web.Reply;
import certrenewal.adapters.web.Samples;
import certrenewal.adapters.web.WebTest;
import certrenewal.application.readmodel.AuditFilter;
import certrenewal.application.readmodel.AuditRecord;
import certrenewal.application.readmodel.AuditVerification;
import certrenewal.domain.Rejection.Code;
import certrenewal.domain.administration.Actor;
import certrenewal.domain.administration.StaffRole;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.NullSource;
import org.junit.jupiter.params.provider.ValueSource;

class AuditControllerTest extends WebTest {
    private static final Actor.Staff AUDITOR = new Actor.Staff("auditor", StaffRole.AUDITOR);
    private static final List<AuditRecord> RECORDS = List.of(
            new AuditRecord(8, Instant.parse("2026-03-31T23:59:30Z"), "staff:operator", "CERTIFICATE_REVOKED", "certificate:1a2b",
                    "SUCCESS", "login ID web-user, reason KEY_COMPROMISE"),
            new AuditRecord(7, Instant.parse("2026-03-31T23:00:00Z"), "web-admin", "ID_UNLOCKED", "login-id:web-user", "REFUSED",
                    "NOT_PERMITTED"));

    @Test
    void withoutAStaffSessionTheLogLeadsToTheConsolesLogin() {
        assertEquals("/console/login", server.browser(null, "ja").get("/console/audit").location());
        assertEquals("/console/login", server.browser(null, "ja").post("/console/audit/verify", "_csrf", "x").location());
        assertFalse(fakes.readAudit.called() || fakes.verifyAudit.called());
    }

    @Test
    void anOperatorMayNeitherReadNorVerifyTheLog() {
        Browser browser = server.staff(StaffRole.OPERATOR, "ja");

        assertEquals(403, browser.get("/console/audit").status());
        assertEquals(403, browser.post("/console/audit/verify", "_csrf", browser.csrf()).status());
        assertFalse(fakes.readAudit.called() || fakes.verifyAudit.called());
    }

    @Test
    void theFiltersAsTypedInTheBanksZoneBecomeTheAuditFilter() {
        Browser browser = server.staff(StaffRole.AUDITOR, "ja");
        fakes.readAudit.returns(Samples.page(RECORDS, 1, 50, 52));

        Reply reply = browser.get("/console/audit?actor=staff:operator&action=CERTIFICATE_REVOKED&target=login-id:web"
                + "&outcome=REFUSED&from=2026-01-31T09:30&to=2026-02-01T00:00&page=2");

        assertEquals(200, reply.status(), reply.toString());
        assertEquals(new AuditFilter("staff:operator", "CERTIFICATE_REVOKED", "login-id:web", "REFUSED",
                Instant.parse("2026-01-31T00:30:00Z"), Instant.parse("2026-01-31T15:00:00Z"), 1, 50),
                fakes.readAudit.onlyCall().filter());
        assertEquals(AUDITOR, fakes.readAudit.onlyCall().actor());
    }

    @ParameterizedTest
    @CsvSource(value = {"outcome=MAYBE, NULL", "outcome=success, NULL", "page=x, 0", "page=-1, 0", "page=99999999999, 0"},
            nullValues = "NULL")
    void anOutcomeOrPageThatIsNoneIsNoFilter(String query, Integer page) {
        Browser browser = server.staff(StaffRole.AUDITOR, "ja");
        fakes.readAudit.returns(Samples.page(List.of(), 0, 50, 0));

        Reply reply = browser.get("/console/audit?" + query);

        assertEquals(200, reply.status(), reply.toString());
        AuditFilter filter = fakes.readAudit.onlyCall().filter();
        assertEquals(null, filter.outcome());
        assertEquals(page == null ? 0 : page, filter.page());
    }

    @ParameterizedTest
    @ValueSource(strings = {"from=yesterday", "to=2026-01-31", "from=2026-01-31T25:00", "to=2026-01-31+09:30"})
    void aTimeThatIsNoneIsA400WithoutReadingTheLog(String query) {
        Reply japanese = server.staff(StaffRole.AUDITOR, "ja").get("/console/audit?" + query);
        Reply english = server.staff(StaffRole.AUDITOR, "en").get("/console/audit?" + query);

        assertEquals(400, japanese.status(), japanese.toString());
        assertEquals("日時は 2026-01-31T09:30 の形で入力してください。", japanese.alert());
        assertEquals("Type times as 2026-01-31T09:30.", english.alert());
        assertFalse(fakes.readAudit.called());
    }

    @Test
    void theRecordsAreShownNewestFirstToTheSecondInTheBanksZone() {
        Browser browser = server.staff(StaffRole.AUDITOR, "ja");
        fakes.readAudit.returns(Samples.page(RECORDS, 0, 50, 2));

        Reply reply = browser.get("/console/audit");

        assertEquals("監査ログ", reply.h1());
        String text = reply.text();
        assertTrue(text.indexOf("2026-04-01 08:59:30 JST") < text.indexOf("2026-04-01 08:00:00 JST")
                && text.contains("2026-04-01 08:00:00 JST"), text);
        assertTrue(text.contains("拒否") && text.contains("成功"), "outcomes in the staff member's language: " + text);
    }

    @ParameterizedTest
    @NullSource
    @ValueSource(strings = {"", "forged"})
    void verifyingWithoutTheSessionsTokenIsRefusedAndVerifiesNothing(String token) {
        Browser browser = server.staff(StaffRole.AUDITOR, "ja");

        Reply reply = browser.post("/console/audit/verify", "_csrf", token, "page", "1");

        assertEquals(403, reply.status(), reply.toString());
        assertEquals("この操作は受け付けられませんでした。画面を開き直してからやり直してください。", reply.alert());
        assertFalse(fakes.verifyAudit.called() || fakes.readAudit.called());
    }

    @Test
    void anIntactChainIsSaidAboveTheSamePageOfTheLog() {
        Browser browser = server.staff(StaffRole.AUDITOR, "ja");
        fakes.verifyAudit.returns(new AuditVerification(52, Optional.empty()));
        fakes.readAudit.returns(Samples.page(RECORDS, 1, 50, 52));

        Reply reply = browser.post("/console/audit/verify", "_csrf", browser.csrf(), "actor", "web-admin", "page", "2");

        assertEquals(200, reply.status(), reply.toString());
        assertEquals("チェーンは正常です（52 件）", reply.notice());
        assertEquals(AUDITOR, fakes.verifyAudit.onlyCall());
        AuditFilter filter = fakes.readAudit.onlyCall().filter();
        assertEquals("web-admin", filter.actor());
        assertEquals(1, filter.page(), "the page shown before");
    }

    @Test
    void aBrokenChainNamesAndMarksTheFirstBrokenRecord() {
        Browser browser = server.staff(StaffRole.AUDITOR, "en");
        fakes.verifyAudit.returns(new AuditVerification(8, Optional.of(7L)));
        fakes.readAudit.returns(Samples.page(RECORDS, 0, 50, 2));

        Reply reply = browser.post("/console/audit/verify", "_csrf", browser.csrf());

        assertEquals(200, reply.status(), reply.toString());
        assertTrue(reply.body().contains("data-first-broken=\"7\""), reply.body());
        assertTrue(reply.text().contains("Chain broken: the first broken record is seq 7 (8 records checked)"), reply.text());
        assertTrue(reply.body().contains("<tr id=\"audit-7\" class=\"broken\""), reply.body());
        assertFalse(reply.body().contains("<tr id=\"audit-8\" class=\"broken\""));
    }

    @Test
    void aRefusedVerificationIsAPageOfItsOwn() {
        Browser browser = server.staff(StaffRole.AUDITOR, "ja");
        fakes.verifyAudit.refuses(Code.NOT_PERMITTED);

        Reply reply = browser.post("/console/audit/verify", "_csrf", browser.csrf());

        assertEquals(403, reply.status());
        assertEquals("この操作を行う権限がありません。", reply.alert());
    }
}
