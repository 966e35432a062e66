package certrenewal.adapters.web.console;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import certrenewal.adapters.web.Browser;
import certrenewal.adapters.web.Fakes;
import certrenewal.adapters.web.Reply;
import certrenewal.adapters.web.Samples;
import certrenewal.adapters.web.WebTest;
import certrenewal.application.readmodel.CertificateSearch;
import certrenewal.application.readmodel.CertificateSearch.SortField;
import certrenewal.application.readmodel.CertificateSummary;
import certrenewal.application.readmodel.LoginIdSummary;
import certrenewal.domain.Rejection.Code;
import certrenewal.domain.account.AccountStatus;
import certrenewal.domain.account.IdKind;
import certrenewal.domain.administration.Actor;
import certrenewal.domain.administration.StaffRole;
import certrenewal.domain.certificate.CertificateStatus;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class SearchControllerTest extends WebTest {
    private static final LoginIdSummary USER = Samples.summary("web-user", IdKind.USER, AccountStatus.ACTIVE, CertificateStatus.ACTIVE);
    private static final CertificateSummary ACTIVE = Samples.certificateSummary(USER, CertificateStatus.ACTIVE);

    @Test
    void withoutAStaffSessionTheSearchLeadsToTheConsolesLogin() {
        assertEquals("/console/login", server.browser(null, "ja").get("/console/search?loginId=web").location());
        assertFalse(fakes.search.called());
    }

    @Test
    void anAuditorMayNotSearch() {
        Reply reply = server.staff(StaffRole.AUDITOR, "ja").get("/console/search?loginId=web");

        assertEquals(403, reply.status());
        assertEquals("権限がありません", reply.h1());
        assertFalse(fakes.search.called());
    }

    @Test
    void theCriteriaAsTypedBecomeTheSearch() {
        Browser browser = server.staff(StaffRole.OPERATOR, "ja");
        fakes.search.returns(Samples.page(List.of(), 1, 20, 0));

        Reply reply = browser.get("/console/search?contract=+0000001+&loginId=web-&serial=0A:1b&status=REVOKED"
                + "&expiryFrom=2026-01-01&expiryTo=2026-12-31&sort=loginId&dir=desc&page=2");

        assertEquals(200, reply.status(), reply.toString());
        Fakes.Search call = fakes.search.onlyCall();
        assertEquals(new Actor.Staff("operator", StaffRole.OPERATOR), call.actor());
        assertEquals(new CertificateSearch("0000001", "web-", "a1b", CertificateStatus.REVOKED, LocalDate.of(2026, 1, 1),
                LocalDate.of(2026, 12, 31), SortField.LOGIN_ID, true, 1, 20), call.search());
    }

    @Test
    void withoutCriteriaEverythingIsSearchedByExpiryFromTheFirstPage() {
        Browser browser = server.staff(StaffRole.OPERATOR, "ja");
        fakes.search.returns(Samples.page(List.of(), 0, 20, 0));

        browser.get("/console/search?contract=&loginId=++&sort=nonsense");

        assertEquals(new CertificateSearch(null, null, null, null, null, null, SortField.NOT_AFTER, false, 0, 20),
                fakes.search.onlyCall().search());
    }

    @ParameterizedTest
    @ValueSource(strings = {"abc", "0", "-3", "99999999999", "1e3", "%EF%BC%92"})
    void aPageNumberThatIsNoneIsTheFirstPage(String page) {
        Browser browser = server.staff(StaffRole.OPERATOR, "ja");
        fakes.search.returns(Samples.page(List.of(), 0, 20, 0));

        Reply reply = browser.get("/console/search?loginId=web&page=" + page);

        assertEquals(200, reply.status(), reply.toString());
        assertEquals(0, fakes.search.onlyCall().search().page());
    }

    @ParameterizedTest
    @CsvSource(value = {
        "serial=xyz, シリアル番号は16進数で入力してください。, Type the serial number in hexadecimal.",
        "serial=0, シリアル番号は16進数で入力してください。, Type the serial number in hexadecimal.",
        "status=LOST, 状態を一覧から選んでください。, Choose a status from the list.",
        "status=active, 状態を一覧から選んでください。, Choose a status from the list.",
        "expiryFrom=2026/01/31, 日付は 2026-01-31 の形で入力してください。, Type dates as 2026-01-31.",
        "expiryTo=2026-02-30, 日付は 2026-01-31 の形で入力してください。, Type dates as 2026-01-31."})
    void aCriterionThatCannotBeSearchedIsA400WithoutCallingTheUseCase(String query, String japanese, String english) {
        Reply ja = server.staff(StaffRole.OPERATOR, "ja").get("/console/search?" + query);
        Reply en = server.staff(StaffRole.OPERATOR, "en").get("/console/search?" + query);

        assertEquals(400, ja.status(), ja.toString());
        assertEquals(japanese, ja.alert());
        assertEquals(400, en.status());
        assertEquals(english, en.alert());
        assertFalse(fakes.search.called());
    }

    @Test
    void everyProblemOfASearchIsNamedAtOnce() {
        Reply reply = server.staff(StaffRole.OPERATOR, "en").get("/console/search?serial=xyz&status=LOST&expiryTo=tomorrow");

        assertEquals("Type the serial number in hexadecimal. Choose a status from the list. Type dates as 2026-01-31.", reply.alert());
        assertTrue(reply.body().contains("value=\"xyz\""), "what was typed stays in the form");
    }

    @Test
    void theResultsLinkEachCertificateItsIdAndContractAndPage() {
        Browser browser = server.staff(StaffRole.OPERATOR, "ja");
        fakes.search.returns(Samples.page(List.of(ACTIVE), 1, 20, 41));

        Reply reply = browser.get("/console/search?loginId=web&page=2");

        assertEquals(200, reply.status());
        String body = reply.body().replace("&amp;", "&");
        String serial = ACTIVE.serial().hex();
        assertTrue(body.contains("href=\"/console/certificates/" + serial + "\""), body);
        assertTrue(body.contains("href=\"/console/ids/web-user\"") && body.contains("href=\"/console/contracts/0000001\""));
        assertTrue(body.contains("href=\"/console/certificates/" + serial + "/revoke\""), "an active certificate can be revoked");
        assertTrue(reply.text().contains("41 件中 21〜21 件を表示"), reply.text());
        assertTrue(reply.text().contains("2026-04-21 09:00 JST"), reply.text());
        assertTrue(body.contains("href=\"/console/search?loginId=web&sort=expiry&dir=asc&page=1\" rel=\"prev\""), body);
        assertTrue(body.contains("href=\"/console/search?loginId=web&sort=expiry&dir=asc&page=3\" rel=\"next\""), body);
        assertTrue(body.contains("href=\"/console/search?loginId=web&sort=expiry&dir=desc&page=1\""), "the current column turns round");
    }

    @Test
    void aRefusalOfTheSearchIsShownWithItsStatus() {
        Browser browser = server.staff(StaffRole.OPERATOR, "en");
        fakes.search.refuses(Code.NOT_PERMITTED);

        Reply reply = browser.get("/console/search?loginId=web");

        assertEquals(403, reply.status());
        assertEquals("You are not permitted to do this.", reply.alert());
        assertNull(reply.header("Location").orElse(null));
    }
}
