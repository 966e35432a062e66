package certrenewal.adapters.web.console;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import certrenewal.adapters.web.Browser;
import certrenewal.adapters.web.Reply;
import certrenewal.adapters.web.Samples;
import certrenewal.adapters.web.TestServer;
import certrenewal.adapters.web.WebTest;
import certrenewal.domain.Rejection.Code;
import certrenewal.domain.administration.Actor;
import certrenewal.domain.administration.StaffRole;
import org.junit.jupiter.api.Test;

class DashboardControllerTest extends WebTest {

    @Test
    void withoutAStaffSessionTheDashboardLeadsToTheConsolesLogin() {
        assertEquals("/console/login", server.browser(null, "ja").get("/console").location());
        Browser stale = server.browser(null, "ja");
        stale.setCookie("SESSION", TestServer.endedSession());
        assertEquals("/console/login?expired=1", stale.get("/console").location());
        assertFalse(fakes.dashboard.called());
    }

    @Test
    void theDashboardShowsTheFiguresAsCountedInTheBanksZone() {
        Browser browser = server.staff(StaffRole.OPERATOR, "ja");
        fakes.dashboard.returns(Samples.figures());

        Reply reply = browser.get("/console");

        assertEquals(200, reply.status(), reply.toString());
        assertEquals("ダッシュボード", reply.h1());
        String text = reply.text();
        assertTrue(text.contains("2026-04-01 09:00:00 JST"), text);
        assertTrue(reply.body().contains("data-week=\"2026-03-30\"") && reply.body().contains("data-count=\"3\""), reply.body());
        assertTrue(reply.body().contains("合計</th><td class=\"num\">9</td>"), "seven active and two revoked: " + reply.body());
        assertEquals(new Actor.Staff("operator", StaffRole.OPERATOR), fakes.dashboard.onlyCall());
    }

    @Test
    void theDashboardShowsTheNoticesQueuedSentAndGivenUpPerDay() {
        Browser browser = server.staff(StaffRole.AUDITOR, "en");
        fakes.dashboard.returns(Samples.figures());

        Reply reply = browser.get("/console");

        assertEquals(200, reply.status(), reply.toString());
        String body = reply.body().replaceAll("\\s+", " ");
        assertTrue(body.contains("Expiry notices per day, last 7 days"), body);
        assertTrue(body.contains("<tr data-notice-day=\"2026-03-31\"> <th scope=\"row\"><time datetime=\"2026-03-31\">2026-03-31</time></th>"
                + " <td class=\"num\">12</td> <td class=\"num\">10</td> <td class=\"num\">0</td> </tr>"), body);
        assertTrue(body.contains("<tr data-notice-day=\"2026-04-01\">"), body);
        assertTrue(body.contains("<td class=\"num\" id=\"notices-queued\">17</td> <td class=\"num\" id=\"notices-sent\">16</td>"
                + " <td class=\"num\" id=\"notices-failed\">2</td>"), "totals: " + body);
    }

    @Test
    void theMenuOffersWhatTheRoleMayDo() {
        Browser operator = server.staff(StaffRole.OPERATOR, "ja");
        Browser auditor = server.staff(StaffRole.AUDITOR, "ja");
        fakes.dashboard.returns(Samples.figures());

        Reply operators = operator.get("/console");
        Reply auditors = auditor.get("/console");

        assertTrue(operators.body().contains("href=\"/console/search\"") && operators.body().contains("href=\"/console/contract-registration\""));
        assertFalse(operators.body().contains("href=\"/console/audit\""));
        assertTrue(auditors.body().contains("href=\"/console/audit\""));
        assertFalse(auditors.body().contains("href=\"/console/search\"") || auditors.body().contains("href=\"/console/contract-registration\""));
        assertEquals(200, auditors.status(), "auditors see the figures too");
    }

    @Test
    void aRefusalOfTheFiguresIs403InTheStaffMembersLanguage() {
        Browser japaneseStaff = server.staff(StaffRole.OPERATOR, "ja");
        Browser englishStaff = server.staff(StaffRole.OPERATOR, "en");
        fakes.dashboard.refuses(Code.NOT_PERMITTED);

        Reply japanese = japaneseStaff.get("/console");
        Reply english = englishStaff.get("/console");

        assertEquals(403, japanese.status());
        assertEquals("権限がありません", japanese.h1());
        assertEquals("この操作を行う権限がありません。", japanese.alert());
        assertEquals(403, english.status());
        assertEquals("Not permitted", english.h1());
        assertEquals("You are not permitted to do this.", english.alert());
    }
}
