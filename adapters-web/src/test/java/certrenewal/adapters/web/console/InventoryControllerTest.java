package certrenewal.adapters.web.console;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import certrenewal.adapters.web.Browser;
import certrenewal.adapters.web.Fakes;
import certrenewal.adapters.web.Reply;
import certrenewal.adapters.web.WebTest;
import certrenewal.application.readmodel.ExpiringCertificate;
import certrenewal.application.readmodel.ExpiringCertificates;
import certrenewal.domain.account.ContractNumber;
import certrenewal.domain.account.IdKind;
import certrenewal.domain.account.LoginId;
import certrenewal.domain.administration.Actor;
import certrenewal.domain.administration.StaffRole;
import certrenewal.domain.certificate.SerialNumber;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.ValueSource;

/** The inventory of certificates expiring soon: page and CSV for operators and auditors, nobody else. */
class InventoryControllerTest extends WebTest {
    private static final Instant AS_OF = Instant.parse("2026-04-01T00:00:00Z");
    private static final ExpiringCertificate HOSTILE = new ExpiringCertificate(new ContractNumber("0000009"),
            "=HYPERLINK(\"http://x\"), \"Evil\" Co.", new LoginId("-admin"), IdKind.ADMINISTRATOR,
            SerialNumber.ofHex("0a01"), Instant.parse("2026-04-11T00:00:00Z"), null, null);
    private static final ExpiringCertificate NOTIFIED = new ExpiringCertificate(new ContractNumber("0000010"),
            "株式会社サンプル", new LoginId("user-1"), IdKind.USER, SerialNumber.ofHex("0b01"),
            Instant.parse("2026-04-30T12:00:00Z"), "before-40", "SENT");

    @BeforeEach
    void twoCertificates() {
        fakes.inventory.answers(call -> new ExpiringCertificates(call.days(), AS_OF, List.of(HOSTILE, NOTIFIED), false));
    }

    @Test
    void theNavigationLeadsToTheInventoryOfTheNext40DaysByDefault() {
        Browser browser = server.staff(StaffRole.OPERATOR, "ja");

        Reply reply = browser.get("/console/inventory");

        assertEquals(200, reply.status(), reply.toString());
        assertTrue(reply.body().contains("href=\"/console/inventory\" aria-current=\"page\""), reply.body());
        assertEquals("期限切れ間近の電子証明書", reply.h1());
        assertEquals(new Fakes.Inventory(new Actor.Staff("operator", StaffRole.OPERATOR), 40, InventoryController.PAGE_ROWS, false),
                fakes.inventory.onlyCall());
        String text = reply.text();
        assertTrue(text.contains("今後40日に有効期限が切れる電子証明書（2件）"), text);
        assertTrue(text.contains("user-1") && text.contains("before-40 (SENT)") && text.contains("30"), text);
        assertTrue(reply.body().contains("&quot;Evil&quot; Co."), "escaped in the page: " + reply.body());
    }

    @Test
    void theCsvHasAHeaderAndQuotesEveryValueSoThatNoneBreaksTheFileOrBecomesAFormula() {
        Browser browser = server.staff(StaffRole.AUDITOR, "en");

        Reply reply = browser.get("/console/inventory.csv?days=30");

        assertEquals(200, reply.status(), reply.toString());
        assertEquals("text/csv;charset=UTF-8", reply.header("Content-Type").orElseThrow().replace(" ", ""));
        assertTrue(reply.header("Content-Disposition").orElseThrow().contains("expiring-30-days.csv"), reply.toString());
        assertEquals(new Fakes.Inventory(new Actor.Staff("auditor", StaffRole.AUDITOR), 30, InventoryController.CSV_ROWS, true),
                fakes.inventory.onlyCall());
        assertEquals("\"Contract number\",\"Contract name\",\"Login ID\",\"Kind\",\"Serial number\",\"Expires\","
                + "\"Days left\",\"Last notice\",\"Notice state\"\r\n"
                + "\"0000009\",\"'=HYPERLINK(\"\"http://x\"\"), \"\"Evil\"\" Co.\",\"'-admin\",\"ADMINISTRATOR\",\"a01\","
                + "\"2026-04-11T00:00:00Z\",\"10\",\"\",\"\"\r\n"
                + "\"0000010\",\"株式会社サンプル\",\"user-1\",\"USER\",\"b01\",\"2026-04-30T12:00:00Z\",\"30\","
                + "\"before-40\",\"SENT\"\r\n", reply.body());
    }

    @Test
    void csvQuotingDefusesEveryFormulaStart() {
        for (String start : List.of("=", "+", "-", "@", "\t")) {
            assertEquals("\"'" + start + "1+1\"", InventoryController.Csv.quoted(start + "1+1"));
        }
        assertEquals("\"a,b\"\"c\"\"\nd\"", InventoryController.Csv.quoted("a,b\"c\"\nd"));
        assertEquals("\"\"", InventoryController.Csv.quoted(""));
    }

    @ParameterizedTest
    @ValueSource(strings = {"0", "401", "-1", "forty", "1e2", "99999999999"})
    void aWindowOutside1To400DaysIsToldAndNothingIsRead(String days) {
        Browser browser = server.staff(StaffRole.OPERATOR, "en");

        Reply page = browser.get("/console/inventory?days=" + days);
        Reply csv = browser.get("/console/inventory.csv?days=" + days);

        assertEquals(400, page.status(), page.toString());
        assertEquals("Enter the number of days as a number from 1 to 400.", page.alert());
        assertEquals(400, csv.status(), csv.toString());
        assertFalse(fakes.inventory.called());
    }

    @Test
    void theBoundsAreAccepted() {
        Browser browser = server.staff(StaffRole.OPERATOR, "en");

        assertEquals(200, browser.get("/console/inventory?days=1").status());
        assertEquals(200, browser.get("/console/inventory.csv?days=400").status());
        assertEquals(List.of(1, 400), fakes.inventory.calls().stream().map(Fakes.Inventory::days).toList());
    }

    @ParameterizedTest
    @EnumSource(value = StaffRole.class, names = "SECURITY_ADMIN")
    void aSecurityAdministratorGetsNeitherThePageNorTheCsv(StaffRole role) {
        Browser browser = server.staff(role, "en");

        assertEquals(403, browser.get("/console/inventory").status());
        assertEquals(403, browser.get("/console/inventory.csv").status());
        assertFalse(browser.get("/console/staff").body().contains("/console/inventory"), "not in its menu");
        assertFalse(fakes.inventory.called());
    }

    @Test
    void withoutAStaffSessionBothLeadToTheConsolesLogin() {
        Browser browser = server.browser(null, "ja");

        assertEquals("/console/login", browser.get("/console/inventory").location());
        assertEquals("/console/login", browser.get("/console/inventory.csv").location());
        assertFalse(fakes.inventory.called());
    }
}
