package certrenewal.adapters.web.console;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import certrenewal.adapters.web.Browser;
import certrenewal.adapters.web.Fakes;
import certrenewal.adapters.web.Reply;
import certrenewal.adapters.web.Texts;
import certrenewal.adapters.web.WebTest;
import certrenewal.application.port.in.console.BootstrapCredential;
import certrenewal.application.port.in.console.IssueStaffCertificateUseCase.IssuedStaffCertificate;
import certrenewal.application.readmodel.StaffMember;
import certrenewal.domain.Rejection.Code;
import certrenewal.domain.administration.Actor;
import certrenewal.domain.administration.StaffCertificate;
import certrenewal.domain.administration.StaffRole;
import certrenewal.domain.certificate.SerialNumber;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.EnumSource;

/** The security administrator's staff pages and every staff member's own password page. */
class StaffControllerTest extends WebTest {
    private static final Actor.Staff SECURITY = new Actor.Staff("security_admin", StaffRole.SECURITY_ADMIN);
    private static final String ONE_TIME = "Kp7wQxR2mZt9vBn4HsYe";

    @BeforeEach
    void theStaff() {
        fakes.listStaff.returns(List.of(
                new StaffMember("security_admin", StaffRole.SECURITY_ADMIN, false, false, false),
                new StaffMember("tanaka", StaffRole.OPERATOR, false, true, false),
                new StaffMember("suzuki", StaffRole.AUDITOR, true, false, true)));
    }

    @Test
    void aSecurityAdministratorLandsOnTheStaffListAndManagesOthersOnly() {
        Browser browser = server.staff(StaffRole.SECURITY_ADMIN, "ja");
        assertEquals("/console/staff", browser.get("/console").location());

        Reply list = browser.get("/console/staff");

        assertEquals(200, list.status(), list.toString());
        assertEquals("スタッフ管理", list.h1());
        String body = list.body();
        assertTrue(body.contains("action=\"/console/staff/tanaka/unlock\""), "a locked account offers unlock");
        assertTrue(body.contains("action=\"/console/staff/suzuki/enable\""), "a disabled account offers enable");
        assertFalse(body.contains("/console/staff/security_admin/"), "no action on the own account");
        assertFalse(body.contains("href=\"/console/search\""), "no certificate work for a security administrator");
        assertEquals(List.of("OPERATOR", "AUDITOR", "SECURITY_ADMIN"), list.options("role"));
        assertEquals(SECURITY, fakes.listStaff.onlyCall());
    }

    @Test
    void creatingAnAccountShowsItsOneTimePasswordOnce() {
        Browser browser = server.staff(StaffRole.SECURITY_ADMIN, "en");
        browser.get("/console/staff");
        fakes.changeStaff.returns(new BootstrapCredential("yamada", StaffRole.OPERATOR, ONE_TIME));

        Reply reply = browser.post("/console/staff", "_csrf", browser.csrf(), "username", " yamada ", "role", "OPERATOR");

        assertEquals(200, reply.status(), reply.toString());
        assertEquals("Staff account created", reply.h1());
        assertTrue(reply.body().contains(">" + ONE_TIME + "<"));
        assertEquals(new Fakes.StaffChange(SECURITY, "create", "yamada", StaffRole.OPERATOR), fakes.changeStaff.onlyCall());
        fakes.forgetCalls();
        assertFalse(browser.get("/console/staff").body().contains(ONE_TIME), "shown in that reply only");
    }

    @ParameterizedTest
    @CsvSource({"STAFF_ACCOUNT_EXISTS, 409, ja", "INVALID_STAFF_USERNAME, 400, en"})
    void aRefusedCreationShowsTheFormAgainWithTheReason(Code code, int status, String language) {
        Browser browser = server.staff(StaffRole.SECURITY_ADMIN, language);
        browser.get("/console/staff");
        fakes.changeStaff.refuses(code);

        Reply reply = browser.post("/console/staff", "_csrf", browser.csrf(), "username", "tanaka", "role", "AUDITOR");

        assertEquals(status, reply.status());
        assertEquals(Texts.of(language, "console.rejection." + code), reply.alert());
        assertTrue(reply.body().contains("value=\"tanaka\""), "the name typed stays in the form");
    }

    @ParameterizedTest
    @CsvSource({"disable, disable, ja", "enable, enable, en", "unlock, unlock, ja"})
    void aChangeIsMadeAndTheListSaysSo(String path, String method, String language) {
        Browser browser = server.staff(StaffRole.SECURITY_ADMIN, language);
        browser.get("/console/staff");
        fakes.changeStaff.returns(null);

        Reply reply = browser.post("/console/staff/tanaka/" + path, "_csrf", browser.csrf());

        assertEquals("/console/staff?done=" + path, reply.location());
        assertEquals(new Fakes.StaffChange(SECURITY, method, "tanaka", null), fakes.changeStaff.onlyCall());
        assertEquals(Texts.of(language, "console.staff.done." + path), browser.get(reply.location()).notice());
    }

    @Test
    void aRoleChangeAndAPasswordResetReachTheUseCase() {
        Browser browser = server.staff(StaffRole.SECURITY_ADMIN, "ja");
        browser.get("/console/staff");
        fakes.changeStaff.returns(new BootstrapCredential("tanaka", StaffRole.OPERATOR, ONE_TIME));

        assertEquals("/console/staff?done=role",
                browser.post("/console/staff/tanaka/role", "_csrf", browser.csrf(), "role", "AUDITOR").location());
        Reply reset = browser.post("/console/staff/tanaka/reset-password", "_csrf", browser.csrf());

        assertEquals("パスワードを再設定しました", reset.h1());
        assertTrue(reset.body().contains(ONE_TIME));
        assertEquals(List.of(new Fakes.StaffChange(SECURITY, "changeRole", "tanaka", StaffRole.AUDITOR),
                new Fakes.StaffChange(SECURITY, "resetPassword", "tanaka", null)), fakes.changeStaff.calls());
    }

    @ParameterizedTest
    @CsvSource({"OWN_STAFF_ACCOUNT, 403", "LAST_SECURITY_ADMINISTRATOR, 409", "UNKNOWN_STAFF_ACCOUNT, 404",
            "STAFF_ACCOUNT_UNCHANGED, 409"})
    void aRefusedChangeShowsItsReason(Code code, int status) {
        Browser browser = server.staff(StaffRole.SECURITY_ADMIN, "en");
        browser.get("/console/staff");
        fakes.changeStaff.refuses(code);

        Reply reply = browser.post("/console/staff/kato/disable", "_csrf", browser.csrf());

        assertEquals(status, reply.status());
        assertEquals(Texts.of("en", "console.rejection." + code), reply.alert());
    }

    @Test
    void withoutTheSessionsTokenNothingIsChanged() {
        Browser browser = server.staff(StaffRole.SECURITY_ADMIN, "ja");
        for (String path : List.of("/console/staff", "/console/staff/tanaka/disable", "/console/staff/tanaka/reset-password")) {
            assertEquals(403, browser.post(path, "_csrf", "forged", "username", "x1", "role", "OPERATOR").status(), path);
        }
        assertFalse(fakes.changeStaff.called());
    }

    @ParameterizedTest
    @EnumSource(names = {"OPERATOR", "AUDITOR"})
    void operatorsAndAuditorsAreRefusedByTheUseCase(StaffRole role) {
        Browser browser = server.staff(role, "en");
        fakes.listStaff.refuses(Code.NOT_PERMITTED);
        fakes.changeStaff.refuses(Code.NOT_PERMITTED);

        assertEquals(403, browser.get("/console/staff").status());
        assertEquals(403, browser.post("/console/staff", "_csrf", browser.csrf(), "username", "x1", "role", "SECURITY_ADMIN").status());
        assertEquals(403, browser.post("/console/staff/tanaka/disable", "_csrf", browser.csrf()).status());
        assertFalse(browser.get("/console/password").body().contains("href=\"/console/staff\""), "no staff link");
    }

    // ---- the own password

    @Test
    void anAccountWithAPasswordSetBySomeoneElseReachesOnlyThePasswordChange() {
        Browser browser = server.staff(StaffRole.OPERATOR, "ja");
        fakes.staffMustChangePassword = true;

        for (String page : List.of("/console", "/console/search", "/console/audit", "/console/staff")) {
            assertEquals("/console/password", browser.get(page).location(), page);
        }
        Reply form = browser.get("/console/password");
        assertEquals(200, form.status());
        assertEquals(Texts.of("ja", "console.password.first"), form.notice());
        assertEquals("/console/password",
                browser.post("/console/contract-registration", "_csrf", browser.csrf(), "contractNumber", "1").location());
        assertFalse(fakes.dashboard.called() || fakes.search.called() || fakes.open.called());
    }

    @Test
    void changingThePasswordGivesThisBrowserANewSession() {
        Browser browser = server.staff(StaffRole.AUDITOR, "en");
        browser.get("/console/password");
        String before = browser.cookie("SESSION").orElseThrow();
        fakes.changeOwnPassword.succeeds();

        Reply reply = browser.post("/console/password", "_csrf", browser.csrf(), "currentPassword", "Staff-Pass-1",
                "newPassword", "Quite-new-pass-2", "newPasswordConfirmation", "Quite-new-pass-2");

        assertEquals("/console/password?changed=1", reply.location());
        assertEquals(new Fakes.OwnPassword(new Actor.Staff("auditor", StaffRole.AUDITOR), "Staff-Pass-1", "Quite-new-pass-2"),
                fakes.changeOwnPassword.onlyCall());
        assertNotEquals(before, browser.cookie("SESSION").orElseThrow());
        assertEquals(Texts.of("en", "console.password.changed"), browser.get(reply.location()).notice());
    }

    @Test
    void differingNewPasswordsAreRefusedBeforeTheUseCase() {
        Browser browser = server.staff(StaffRole.OPERATOR, "en");
        browser.get("/console/password");

        Reply reply = browser.post("/console/password", "_csrf", browser.csrf(), "currentPassword", "Staff-Pass-1",
                "newPassword", "Quite-new-pass-2", "newPasswordConfirmation", "Quite-new-pass-3");

        assertEquals(400, reply.status());
        assertEquals(Texts.of("en", "console.password.differ"), reply.alert());
        assertFalse(fakes.changeOwnPassword.called());
    }

    @ParameterizedTest
    @CsvSource({"WRONG_CURRENT_PASSWORD, 403", "PASSWORD_RECENTLY_USED, 400", "PASSWORD_CONTAINS_NAME, 400"})
    void aRefusedChangeShowsTheFormWithTheReason(Code code, int status) {
        Browser browser = server.staff(StaffRole.OPERATOR, "ja");
        browser.get("/console/password");
        String before = browser.cookie("SESSION").orElseThrow();
        fakes.changeOwnPassword.refuses(code);

        Reply reply = browser.post("/console/password", "_csrf", browser.csrf(), "currentPassword", "x",
                "newPassword", "Quite-new-pass-2", "newPasswordConfirmation", "Quite-new-pass-2");

        assertEquals(status, reply.status());
        assertEquals(Texts.of("ja", "console.rejection." + code), reply.alert());
        assertEquals(before, browser.cookie("SESSION").orElseThrow());
    }

    @Test
    void theStaffListShowsEachCurrentStaffCertificateAndOffersIssuingForOtherActiveAccounts() {
        fakes.currentStaffCertificate.put("tanaka", java.util.Optional.of(StaffCertificate.issued(
                SerialNumber.ofHex("5a17beef"), "tanaka", Instant.parse("2027-01-10T00:00:00Z"),
                Instant.parse("2028-01-10T00:00:00Z"), new byte[] {1})));
        Browser browser = server.staff(StaffRole.SECURITY_ADMIN, "ja");

        String body = browser.get("/console/staff").body();

        assertTrue(body.contains(">5a17beef<"), body);
        assertTrue(body.contains("2028-01-10"), "valid until, in the bank's zone");
        assertTrue(body.contains("action=\"/console/staff/tanaka/certificate\""));
        assertFalse(body.contains("action=\"/console/staff/suzuki/certificate\""), "not for a disabled account");
        assertFalse(body.contains("action=\"/console/staff/security_admin/certificate\""), "not for the own account");
    }

    @Test
    void issuingACertificateShowsTheFileAndItsPasswordInThatReplyOnly() {
        Browser browser = server.staff(StaffRole.SECURITY_ADMIN, "en");
        browser.get("/console/staff");
        byte[] pkcs12 = {0x30, (byte) 0x82, 0x01, 0x02, 0x7f};
        fakes.issueStaffCertificate.returns(new IssuedStaffCertificate(StaffCertificate.issued(
                SerialNumber.ofHex("5a17beef"), "tanaka", Instant.parse("2027-01-10T00:00:00Z"),
                Instant.parse("2028-01-10T00:00:00Z"), new byte[] {1}), pkcs12, ONE_TIME));

        Reply reply = browser.post("/console/staff/tanaka/certificate", "_csrf", browser.csrf());

        assertEquals(200, reply.status(), reply.toString());
        assertEquals("Staff certificate issued", reply.h1());
        assertTrue(reply.body().contains(">" + ONE_TIME + "<"));
        assertTrue(reply.body().contains(">5a17beef<"));
        assertTrue(reply.body().contains("href=\"data:application/x-pkcs12;base64," + Base64.getEncoder().encodeToString(pkcs12) + "\""),
                reply.body());
        assertTrue(reply.body().contains("download=\"tanaka-5a17beef.p12\""));
        assertEquals("no-store", reply.header("Cache-Control").orElseThrow());
        assertEquals(new Fakes.StaffChange(SECURITY, "issueCertificate", "tanaka", null), fakes.issueStaffCertificate.onlyCall());
        fakes.forgetCalls();
        assertFalse(browser.get("/console/staff").body().contains(ONE_TIME), "shown in that reply only");
    }

    @ParameterizedTest
    @CsvSource({"OWN_STAFF_ACCOUNT, 403, ja", "STAFF_ACCOUNT_DISABLED, 409, ja", "UNKNOWN_STAFF_ACCOUNT, 404, en",
            "NOT_PERMITTED, 403, en"})
    void aRefusedIssuanceSaysWhyInTheStaffMembersLanguage(Code code, int status, String language) {
        Browser browser = server.staff(StaffRole.SECURITY_ADMIN, language);
        browser.get("/console/staff");
        fakes.issueStaffCertificate.refuses(code);

        Reply reply = browser.post("/console/staff/tanaka/certificate", "_csrf", browser.csrf());

        assertEquals(status, reply.status(), reply.toString());
        assertEquals(Texts.of(language, "console.rejection." + code.name()), reply.alert());
    }

    @Test
    void issuingWithoutTheSessionsTokenIsRefusedAndNotTried() {
        Browser browser = server.staff(StaffRole.SECURITY_ADMIN, "ja");

        Reply reply = browser.post("/console/staff/tanaka/certificate", "_csrf", "forged");

        assertEquals(403, reply.status());
        assertFalse(fakes.issueStaffCertificate.called());
    }
}
