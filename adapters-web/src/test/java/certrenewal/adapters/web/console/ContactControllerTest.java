package certrenewal.adapters.web.console;

import static certrenewal.adapters.web.console.ConsoleIds.ADMIN;
import static certrenewal.adapters.web.console.ConsoleIds.OPERATOR;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import certrenewal.adapters.web.Browser;
import certrenewal.adapters.web.Fakes;
import certrenewal.adapters.web.Reply;
import certrenewal.adapters.web.Samples;
import certrenewal.adapters.web.WebTest;
import certrenewal.application.readmodel.LoginIdSummary;
import certrenewal.domain.Rejection.Code;
import certrenewal.domain.account.AccountStatus;
import certrenewal.domain.account.IdKind;
import certrenewal.domain.account.LoginId;
import certrenewal.domain.administration.StaffRole;
import certrenewal.domain.certificate.CertificateStatus;
import certrenewal.domain.notice.ContactDetails;
import certrenewal.domain.notice.EmailAddress;
import certrenewal.domain.notice.NoticeLanguage;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** The bank changes a login ID's contact address on the ID's page, with the operator's own password. */
class ContactControllerTest extends WebTest {
    private static final LoginIdSummary USER = Samples.summary("web-user", IdKind.USER, AccountStatus.ACTIVE,
            CertificateStatus.ACTIVE);
    private static final String FORM = "/console/ids/web-admin/contact";

    @BeforeEach
    void theRecords() {
        fakes.loginIdDetails.answers(ConsoleIds.detailsOf(ADMIN, USER));
        fakes.idContact.returns(Optional.of(new ContactDetails(new LoginId("web-admin"),
                new EmailAddress("old@example.jp"), NoticeLanguage.EN)));
    }

    @Test
    void theIdsPageOffersTheChangeToOperatorsAndTheFormShowsTheCurrentAddress() {
        Browser browser = server.staff(StaffRole.OPERATOR, "ja");

        Reply page = browser.get("/console/ids/web-admin");
        Reply form = browser.get(FORM);

        assertTrue(page.body().contains("href=\"/console/ids/web-admin/contact\""), page.body());
        assertEquals(200, form.status(), form.toString());
        assertEquals("連絡先メールアドレスの変更", form.h1());
        assertTrue(form.body().contains("value=\"old@example.jp\""), form.body());
        assertTrue(form.body().contains("<option value=\"en\" selected=\"selected\""), form.body());
        assertEquals(new Fakes.OnId(OPERATOR, new LoginId("web-admin")), fakes.idContact.onlyCall());
    }

    @Test
    void theChangeIsPassedWithTheOperatorsPasswordAndTheIdsPageSaysSo() {
        fakes.changeIdContact.succeeds();
        Browser browser = server.staff(StaffRole.OPERATOR, "en");

        Reply reply = browser.post(FORM, "_csrf", browser.csrf(), "email", " new@Example.JP ", "language", "ja",
                "password", "Staff-Pass-1");

        assertEquals("/console/ids/web-admin?done=contact", reply.location(), reply.toString());
        assertEquals(new Fakes.ChangeIdContact(OPERATOR, new LoginId("web-admin"), "new@example.jp", "ja", "Staff-Pass-1"),
                fakes.changeIdContact.onlyCall());
        assertEquals("The contact details of web-admin have been changed.", browser.get(reply.location()).notice());
    }

    @Test
    void aUserIdsAddressIsChangedByTheBankToo() {
        fakes.changeIdContact.succeeds();
        Browser browser = server.staff(StaffRole.OPERATOR, "ja");

        Reply reply = browser.post("/console/ids/web-user/contact", "_csrf", browser.csrf(), "email", "user@example.jp",
                "language", "ja", "password", "Staff-Pass-1");

        assertEquals("/console/ids/web-user?done=contact", reply.location(), reply.toString());
        assertEquals(new LoginId("web-user"), fakes.changeIdContact.onlyCall().loginId());
    }

    @Test
    void anAddressThatIsNoneIsToldInBothLanguagesAndNothingIsChanged() {
        for (String language : new String[] {"ja", "en"}) {
            Browser browser = server.staff(StaffRole.OPERATOR, language);

            Reply reply = browser.post(FORM, "_csrf", browser.csrf(), "email", "=cmd|' /C calc'!A0", "language", "ja",
                    "password", "Staff-Pass-1");

            assertEquals(400, reply.status(), reply.toString());
            assertEquals(language.equals("ja") ? "連絡先メールアドレスを name@example.jp の形で入力してください。"
                    : "Enter the contact e-mail address in the form name@example.jp.", reply.alert());
            assertFalse(reply.body().contains("Staff-Pass-1"), "the password is never sent back");
        }
        assertFalse(fakes.changeIdContact.called());
    }

    @Test
    void aWrongPasswordShowsTheFormAgainWithTheEntries() {
        fakes.changeIdContact.refuses(Code.WRONG_CONFIRMATION_PASSWORD);
        Browser browser = server.staff(StaffRole.OPERATOR, "ja");

        Reply reply = browser.post(FORM, "_csrf", browser.csrf(), "email", "new@example.jp", "language", "en",
                "password", "wrong");

        assertEquals(403, reply.status(), reply.toString());
        assertEquals("連絡先メールアドレスの変更", reply.h1());
        assertTrue(reply.body().contains("value=\"new@example.jp\""));
        assertFalse(reply.alert().isBlank());
    }

    @Test
    void anUnknownIdIsNotFound() {
        Browser browser = server.staff(StaffRole.OPERATOR, "ja");

        assertEquals(404, browser.get("/console/ids/nobody/contact").status());
        assertEquals(404, browser.post("/console/ids/nobody/contact", "_csrf", browser.csrf(), "email", "a@example.jp",
                "password", "Staff-Pass-1").status());
        assertFalse(fakes.changeIdContact.called());
    }

    @ParameterizedTest
    @EnumSource(value = StaffRole.class, names = {"AUDITOR", "SECURITY_ADMIN"})
    void otherRolesAreNeitherOfferedTheChangeNorAllowedIt(StaffRole role) {
        Browser browser = server.staff(role, "en");

        Reply form = browser.get(FORM);
        Reply posted = browser.post(FORM, "_csrf", browser.csrf(), "email", "new@example.jp", "password", "Staff-Pass-1");

        assertEquals(403, form.status());
        assertEquals(403, posted.status());
        assertFalse(fakes.changeIdContact.called() || fakes.idContact.called());
    }

    @Test
    void withoutTheSessionsTokenNothingIsChanged() {
        Browser browser = server.staff(StaffRole.OPERATOR, "ja");

        Reply reply = browser.post(FORM, "_csrf", "forged", "email", "new@example.jp", "password", "Staff-Pass-1");

        assertEquals(403, reply.status());
        assertFalse(fakes.changeIdContact.called());
    }
}
