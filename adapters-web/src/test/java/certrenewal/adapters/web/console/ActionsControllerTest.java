package certrenewal.adapters.web.console;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static certrenewal.adapters.web.console.ConsoleIds.ADMIN;
import static certrenewal.adapters.web.console.ConsoleIds.LOCKED_ADMIN;
import static certrenewal.adapters.web.console.ConsoleIds.OPERATOR;
import static certrenewal.adapters.web.console.ConsoleIds.WITHDRAWN_ADMIN;
import static org.junit.jupiter.api.Assertions.assertTrue;

import certrenewal.adapters.web.Browser;
import certrenewal.adapters.web.Fakes;
import certrenewal.adapters.web.Reply;
import certrenewal.adapters.web.Samples;
import certrenewal.adapters.web.Texts;
import certrenewal.adapters.web.WebTest;
import certrenewal.application.readmodel.CertificateSearch;
import certrenewal.application.readmodel.CertificateSummary;
import certrenewal.application.readmodel.LoginIdSummary;
import certrenewal.domain.Rejection.Code;
import certrenewal.domain.account.AccountStatus;
import certrenewal.domain.account.Contract;
import certrenewal.domain.account.ContractNumber;
import certrenewal.domain.account.IdKind;
import certrenewal.domain.account.LoginId;
import certrenewal.domain.administration.StaffRole;
import certrenewal.domain.certificate.CertificateStatus;
import certrenewal.domain.certificate.RevocationReason;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.NullSource;
import org.junit.jupiter.params.provider.ValueSource;

class ActionsControllerTest extends WebTest {
    private static final LoginIdSummary USER = Samples.summary("web-user", IdKind.USER, AccountStatus.LOCKED, CertificateStatus.ACTIVE);
    private static final CertificateSummary CERTIFICATE = Samples.certificateSummary(USER, CertificateStatus.ACTIVE);
    private static final String REVOKE = "/console/certificates/" + CERTIFICATE.serial().hex() + "/revoke";
    private static final String CSRF_REFUSED = "この操作は受け付けられませんでした。画面を開き直してからやり直してください。";
    /** Every action the console posts, with what it carries besides the token. */
    private static final List<String[]> ACTIONS = List.of(
            new String[] {REVOKE, "reason", "KEY_COMPROMISE", "password", "Staff-Pass-1"},
            new String[] {"/console/ids/web-admin/reissue", "password", "Staff-Pass-1"},
            new String[] {"/console/ids/locked-admin/unlock", "from", "elsewhere"},
            new String[] {"/console/contract-registration", "contractNumber", "0000777", "contractName", "Console Co.",
                    "administrator", "console-admin", "email", "admin@console.example.jp", "password", "Initial-Pass-1",
                    "passwordConfirmation", "Initial-Pass-1", "confirmed", "yes"});

    @BeforeEach
    void theRecords() {
        fakes.search.answers(call -> Samples.page(call.search().serialHex().equals(CERTIFICATE.serial().hex())
                ? List.of(CERTIFICATE) : List.of(), 0, 1, 0));
        fakes.loginIdDetails.answers(ConsoleIds.detailsOf(USER, ADMIN, LOCKED_ADMIN, WITHDRAWN_ADMIN));
    }

    // ---- every action

    @Test
    void everyActionNeedsAStaffSession() {
        for (String[] action : ACTIONS) {
            assertEquals("/console/login", post(server.browser(null, "ja"), "any", action).location(), action[0]);
        }
        assertNothingDone();
    }

    @ParameterizedTest
    @NullSource
    @ValueSource(strings = {"", "forged"})
    void everyActionWithoutTheSessionsTokenIsRefusedAndDoesNothing(String token) {
        Browser browser = server.staff(StaffRole.OPERATOR, "ja");
        for (String[] action : ACTIONS) {
            Reply reply = post(browser, token, action);

            assertEquals(403, reply.status(), action[0] + ": " + reply);
            assertEquals("処理できませんでした", reply.h1());
            assertEquals(CSRF_REFUSED, reply.alert());
        }
        assertNothingDone();
    }

    @Test
    void anAuditorMayDoNoneOfTheActions() {
        Browser browser = server.staff(StaffRole.AUDITOR, "en");
        fakes.reissue.refuses(Code.NOT_PERMITTED);
        fakes.unlock.refuses(Code.NOT_PERMITTED);
        fakes.loginIdDetails.refuses(Code.NOT_PERMITTED);
        for (String[] action : ACTIONS) {
            Reply reply = post(browser, browser.csrf(), action);

            assertEquals(403, reply.status(), action[0] + ": " + reply);
            assertEquals("You are not permitted to do this.", reply.alert());
        }
        for (String form : List.of(REVOKE, "/console/ids/web-admin/reissue", "/console/ids/locked-admin/unlock",
                "/console/contract-registration")) {
            assertEquals(403, browser.get(form).status(), form);
        }
        assertFalse(fakes.revoke.called() || fakes.open.called() || fakes.search.called());
    }

    // ---- 失効

    @Test
    void theRevocationPageShowsTheCertificateAndTheDomainsReasons() {
        Browser browser = server.staff(StaffRole.OPERATOR, "ja");

        Reply reply = browser.get(REVOKE);

        assertEquals(200, reply.status(), reply.toString());
        assertEquals("電子証明書の失効", reply.h1());
        assertTrue(reply.text().contains("web-user") && reply.text().contains("2026-04-21 09:00 JST"), reply.text());
        List<String> reasons = new ArrayList<>(List.of(""));
        RevocationReason.selectable().forEach(r -> reasons.add(r.name()));
        assertEquals(reasons, reply.options("reason"), "a prompt, then the domain's reasons in its order");
        CertificateSearch search = fakes.search.onlyCall().search();
        assertEquals(CERTIFICATE.serial().hex(), search.serialHex());
    }

    @ParameterizedTest
    @ValueSource(strings = {"xyz", "0", "ffffffffffffffffffffffffffffffffffffffffff"})
    void aSerialThatIsNoneIsNotFoundWithoutALookUp(String serial) {
        Browser browser = server.staff(StaffRole.OPERATOR, "ja");

        Reply form = browser.get("/console/certificates/" + serial + "/revoke");
        Reply posted = browser.post("/console/certificates/" + serial + "/revoke", "_csrf", browser.csrf(), "reason", "KEY_COMPROMISE",
                "password", "Staff-Pass-1");

        assertEquals(404, form.status());
        assertEquals(404, posted.status());
        assertEquals("シリアル番号 " + serial + " の電子証明書は見つかりません。", posted.alert());
        assertFalse(fakes.search.called() || fakes.revoke.called());
    }

    @Test
    void anUnknownCertificateIsNotFoundAndNotRevoked() {
        Browser browser = server.staff(StaffRole.OPERATOR, "ja");

        Reply reply = browser.post("/console/certificates/abcdef/revoke", "_csrf", browser.csrf(), "reason", "KEY_COMPROMISE",
                "password", "Staff-Pass-1");

        assertEquals(404, reply.status());
        assertFalse(fakes.revoke.called());
    }

    @ParameterizedTest
    @NullSource
    @ValueSource(strings = {"", "SUPERSEDED", "key_compromise", "NO_SUCH_REASON"})
    void revokingWithoutAReasonAPersonMayChooseIsRefusedWithoutCallingTheUseCase(String reason) {
        for (String language : List.of("ja", "en")) {
            Browser browser = server.staff(StaffRole.OPERATOR, language);

            Reply reply = browser.post(REVOKE, "_csrf", browser.csrf(), "reason", reason, "password", "Staff-Pass-1");

            assertEquals(400, reply.status(), reply.toString());
            assertEquals(Texts.of(language, "console.revoke.chooseReason"), reply.alert());
        }
        assertFalse(fakes.revoke.called());
    }

    @Test
    void aWrongConfirmationPasswordShowsTheFormAgainWithTheChosenReason() {
        Browser browser = server.staff(StaffRole.OPERATOR, "ja");
        fakes.revoke.refuses(Code.WRONG_CONFIRMATION_PASSWORD);

        Reply reply = browser.post(REVOKE, "_csrf", browser.csrf(), "reason", "AFFILIATION_CHANGED", "password", "Not-mine");

        assertEquals(403, reply.status(), reply.toString());
        assertEquals("電子証明書の失効", reply.h1());
        assertEquals("確認のパスワードが違います。", reply.alert());
        assertTrue(reply.body().contains("<option value=\"AFFILIATION_CHANGED\" selected=\"selected\""), reply.body());
    }

    @ParameterizedTest
    @CsvSource({"CERTIFICATE_REVOKED, 403", "NOT_PERMITTED, 403", "UNKNOWN_CERTIFICATE, 403", "CERTIFICATE_EXPIRED, 403"})
    void anyOtherRefusedRevocationIsAPageOfItsOwn(Code code, int status) {
        for (String language : List.of("ja", "en")) {
            Browser browser = server.staff(StaffRole.OPERATOR, language);
            fakes.revoke.refuses(code);

            Reply reply = browser.post(REVOKE, "_csrf", browser.csrf(), "reason", "KEY_COMPROMISE", "password", "Staff-Pass-1");

            assertEquals(status, reply.status(), reply.toString());
            assertEquals(consoleRefusal(language, code), reply.alert());
        }
    }

    @Test
    void aRevocationLeadsToTheCertificateOnItsOwnersPage() {
        Browser browser = server.staff(StaffRole.OPERATOR, "ja");
        fakes.revoke.succeeds();

        Reply reply = browser.post(REVOKE, "_csrf", browser.csrf(), "reason", "PRIVILEGE_WITHDRAWN", "password", "Staff-Pass-1");

        assertEquals(303, reply.status(), reply.toString());
        assertEquals("/console/ids/web-user?done=revoked#certificate-" + CERTIFICATE.serial().hex(), reply.location());
        assertEquals(new Fakes.Revoke(OPERATOR, CERTIFICATE.serial(), RevocationReason.PRIVILEGE_WITHDRAWN, "Staff-Pass-1"),
                fakes.revoke.onlyCall());
    }

    // ---- 再発行 and ロック解除 of administrator IDs

    @ParameterizedTest
    @CsvSource({"reissue, web-admin, 200", "reissue, locked-admin, 200", "reissue, gone-admin, 403", "reissue, web-user, 403",
            "unlock, locked-admin, 200", "unlock, web-admin, 409", "unlock, web-user, 403", "unlock, gone-admin, 409",
            "reissue, nobody, 404", "unlock, not%20an%20id, 404"})
    void theConfirmationPageIsShownOnlyWhereTheActionIsOffered(String action, String loginId, int status) {
        Browser browser = server.staff(StaffRole.OPERATOR, "ja");

        Reply reply = browser.get("/console/ids/" + loginId + "/" + action);

        assertEquals(status, reply.status(), reply.toString());
        if (status == 200) {
            assertEquals(action.equals("reissue") ? "電子証明書の再発行" : "ログインIDのロック解除", reply.h1());
        } else if (status == 409) {
            assertEquals("このログインIDはロックされていません。", reply.alert());
        } else if (status == 403) {
            assertEquals("この操作を行う権限がありません。", reply.alert());
        }
        assertFalse(fakes.reissue.called() || fakes.unlock.called());
    }

    @Test
    void aReissuedIdsIssuancePasswordIsShownInTheReplyOnly() {
        Browser browser = server.staff(StaffRole.OPERATOR, "en");
        fakes.reissue.returns(Samples.issuancePassword());

        Reply reply = browser.post("/console/ids/web-admin/reissue", "_csrf", browser.csrf(), "password", "Staff-Pass-1");

        assertEquals(200, reply.status(), reply.toString());
        assertEquals("Certificate re-issued", reply.h1());
        assertTrue(reply.body().contains("<output class=\"mono issuance-password\">Abcdefgh23456789</output>"), reply.body());
        assertTrue(reply.text().contains("2026-06-20 09:00 JST"), reply.text());
        assertEquals("no-store", reply.header("Cache-Control").orElseThrow());
        assertEquals(new Fakes.Reissue(OPERATOR, new LoginId("web-admin"), "Staff-Pass-1"), fakes.reissue.onlyCall());
    }

    @Test
    void aWrongConfirmationPasswordShowsTheReissuePageAgain() {
        Browser browser = server.staff(StaffRole.OPERATOR, "en");
        fakes.reissue.refuses(Code.WRONG_CONFIRMATION_PASSWORD);

        Reply reply = browser.post("/console/ids/web-admin/reissue", "_csrf", browser.csrf(), "password", "Not-mine");

        assertEquals(403, reply.status());
        assertEquals("Re-issue certificate", reply.h1());
        assertEquals("The confirmation password is wrong.", reply.alert());
    }

    @ParameterizedTest
    @CsvSource({"reissue, NOT_PERMITTED, 403", "reissue, ID_REVOKED, 403", "unlock, NOT_LOCKED, 409", "unlock, NOT_PERMITTED, 403"})
    void aRefusedReissueOrUnlockIsAPageOfItsOwn(String action, Code code, int status) {
        for (String language : List.of("ja", "en")) {
            Browser browser = server.staff(StaffRole.OPERATOR, language);
            fakes.reissue.refuses(code);
            fakes.unlock.refuses(code);

            Reply reply = browser.post("/console/ids/web-user/" + action, "_csrf", browser.csrf(), "password", "Staff-Pass-1");

            assertEquals(status, reply.status(), reply.toString());
            assertEquals(consoleRefusal(language, code), reply.alert());
        }
    }

    @Test
    void anUnknownIdIsNotFoundAndNothingIsDone() {
        Browser browser = server.staff(StaffRole.OPERATOR, "ja");

        assertEquals(404, browser.post("/console/ids/nobody/reissue", "_csrf", browser.csrf(), "password", "x").status());
        assertEquals(404, browser.post("/console/ids/no%20body/unlock", "_csrf", browser.csrf(), "x", "y").status());
        assertFalse(fakes.reissue.called() || fakes.unlock.called());
    }

    @Test
    void anUnlockLeadsBackToTheIdsPage() {
        Browser browser = server.staff(StaffRole.OPERATOR, "ja");
        fakes.unlock.succeeds();

        Reply reply = browser.post("/console/ids/locked-admin/unlock", "_csrf", browser.csrf(), "password", "Staff-Pass-1");

        assertEquals(303, reply.status(), reply.toString());
        assertEquals("/console/ids/locked-admin?done=unlocked", reply.location());
        assertEquals(new Fakes.Unlock(OPERATOR, new LoginId("locked-admin"), "Staff-Pass-1"), fakes.unlock.onlyCall());
    }

    @Test
    void theUnlockPageAsksForTheOperatorsOwnPasswordAndAWrongOneShowsItAgain() {
        Browser browser = server.staff(StaffRole.OPERATOR, "en");
        Reply form = browser.get("/console/ids/locked-admin/unlock");
        assertTrue(form.body().contains("name=\"password\" type=\"password\""), form.body());
        fakes.unlock.refuses(Code.WRONG_CONFIRMATION_PASSWORD);

        Reply reply = browser.post("/console/ids/locked-admin/unlock", "_csrf", browser.csrf(), "password", "Not-mine");

        assertEquals(403, reply.status());
        assertEquals(form.h1(), reply.h1());
        assertEquals("The confirmation password is wrong.", reply.alert());
    }

    // ---- 契約の登録

    @Test
    void theRegistrationFormIsEmptyAndClosed() {
        Reply reply = server.staff(StaffRole.OPERATOR, "en").get("/console/contract-registration");

        assertEquals(200, reply.status());
        assertEquals("Register contract", reply.h1());
        assertFalse(Pattern.compile("<dialog[^>]*\\bopen\\b").matcher(reply.body()).find());
        assertTrue(reply.body().contains("minlength=\"8\""), "the browser knows the domain's minimum too");
    }

    @ParameterizedTest
    @CsvSource(value = {
        "000-0001, Console Co., console-admin, Initial-Pass-1, Initial-Pass-1, console.register.badContractNumber",
        "'', Console Co., console-admin, Initial-Pass-1, Initial-Pass-1, console.register.badContractNumber",
        "0000777, '   ', console-admin, Initial-Pass-1, Initial-Pass-1, console.register.badContractName",
        "0000777, 'A contract name of sixty-five characters; one more than the bank.', console-admin, Initial-Pass-1, Initial-Pass-1, console.register.badContractName",
        "0000777, Console Co., console admin, Initial-Pass-1, Initial-Pass-1, console.register.badAdministrator",
        "0000777, Console Co., '', Initial-Pass-1, Initial-Pass-1, console.register.badAdministrator",
        "0000777, Console Co., console-admin, '', '', console.register.noPassword",
        "0000777, Console Co., console-admin, Short-1, Short-1, console.rejection.PASSWORD_TOO_SHORT",
        "0000777, Console Co., console-admin, Initial-Pass-1, Initial-Pass-2, console.register.passwordsDiffer"})
    void everyEntryIsCheckedBeforeTheUseCaseIsCalled(String number, String name, String administrator, String password,
                                                      String confirmation, String problem) {
        for (String language : List.of("ja", "en")) {
            Browser browser = server.staff(StaffRole.OPERATOR, language);

            Reply reply = browser.post("/console/contract-registration", "_csrf", browser.csrf(), "contractNumber", number,
                    "contractName", name, "administrator", administrator, "email", "admin@console.example.jp",
                    "password", password, "passwordConfirmation", confirmation, "confirmed", "yes");

            assertEquals(400, reply.status(), reply.toString());
            assertEquals(Texts.of(language, problem), reply.alert());
            assertFalse(password.length() > 0 && reply.body().contains(password), "a password is never sent back");
        }
        assertFalse(fakes.open.called());
    }

    @Test
    void aShortInitialPasswordIsToldAsBeforeInBothLanguages() {
        Reply japanese = register(server.staff(StaffRole.OPERATOR, "ja"), "Short-1", "yes");
        Reply english = register(server.staff(StaffRole.OPERATOR, "en"), "😀😀😀😀", "yes");

        assertEquals("初期ログインパスワードは8文字以上にしてください。", japanese.alert());
        assertEquals("The initial login password must have at least 8 characters.", english.alert(), "counted in characters");
        assertFalse(fakes.open.called());
    }

    @Test
    void everyProblemIsNamedAtOnce() {
        Browser browser = server.staff(StaffRole.OPERATOR, "en");

        Reply reply = browser.post("/console/contract-registration", "_csrf", browser.csrf(), "contractNumber", "0000777",
                "contractName", "", "administrator", "no good", "password", "", "passwordConfirmation", "");

        assertEquals("The contract name must have 1 to 64 characters. The administrator ID must be up to 32 letters, digits, “.”, “_” "
                + "or “-”. Enter the contact e-mail address in the form name@example.jp. Type the initial login password.",
                reply.alert());
    }

    @Test
    void withoutTheScriptTheServerAsksForConfirmationAndRegistersNothing() {
        Reply reply = register(server.staff(StaffRole.OPERATOR, "ja"), "Initial-Pass-1", null);

        assertEquals(200, reply.status(), reply.toString());
        assertTrue(Pattern.compile("<dialog[^>]*\\bopen\\b").matcher(reply.body()).find(), reply.body());
        assertEquals("登録内容を確認し、パスワードをもう一度入力して「登録する」を押してください。", reply.notice());
        assertTrue(reply.body().contains("console-admin") && !reply.body().contains("Initial-Pass-1"));
        assertFalse(fakes.open.called());
    }

    @Test
    void aRegisteredContractsIssuancePasswordIsShownInTheReplyOnly() {
        fakes.open.returns(Samples.issuancePassword());

        Reply reply = register(server.staff(StaffRole.OPERATOR, "ja"), "Initial-Pass-1", "yes");

        assertEquals(200, reply.status(), reply.toString());
        assertEquals("契約登録完了", reply.h1());
        assertTrue(reply.text().contains("Abcdefgh23456789") && reply.text().contains("2026-06-20 09:00 JST"), reply.text());
        assertEquals(new Fakes.Open(OPERATOR, new Contract(new ContractNumber("0000777"), "Console Co."),
                new LoginId("console-admin"), "Initial-Pass-1", "admin@console.example.jp", "en"), fakes.open.onlyCall());
    }

    @ParameterizedTest
    @CsvSource(value = {"''", "admin", "admin@localhost", "'a b@example.jp'", "'\"x\"@example.jp'",
        "'admin@example.jp, other@example.jp'"})
    void anAdministratorWithoutAUsableContactAddressIsRefusedInBothLanguages(String email) {
        for (String language : List.of("ja", "en")) {
            Browser browser = server.staff(StaffRole.OPERATOR, language);

            Reply reply = browser.post("/console/contract-registration", "_csrf", browser.csrf(), "contractNumber", "0000777",
                    "contractName", "Console Co.", "administrator", "console-admin", "email", email,
                    "password", "Initial-Pass-1", "passwordConfirmation", "Initial-Pass-1", "confirmed", "yes");

            assertEquals(400, reply.status(), reply.toString());
            assertEquals(language.equals("ja") ? "連絡先メールアドレスを name@example.jp の形で入力してください。"
                    : "Enter the contact e-mail address in the form name@example.jp.", reply.alert());
            assertTrue(email.isEmpty() || reply.body().contains("value=\"" + email.replace("\"", "&quot;")), "the entry is kept");
        }
        assertFalse(fakes.open.called());
    }

    @Test
    void theConfirmationDialogShowsTheAddressAndTheFormKeepsTheLanguage() {
        Reply reply = register(server.staff(StaffRole.OPERATOR, "ja"), "Initial-Pass-1", null);

        assertTrue(reply.body().contains("data-from=\"email\">admin@console.example.jp</dd>"), reply.body());
        assertTrue(reply.body().contains("<option value=\"en\" selected=\"selected\""), reply.body());
    }

    @ParameterizedTest
    @CsvSource({"CONTRACT_EXISTS, 409", "LOGIN_ID_EXISTS, 409"})
    void anExistingContractOrIdIsToldOnTheForm(Code code, int status) {
        for (String language : List.of("ja", "en")) {
            fakes.open.refuses(code);

            Reply reply = register(server.staff(StaffRole.OPERATOR, language), "Initial-Pass-1", "yes");

            assertEquals(status, reply.status(), reply.toString());
            assertEquals(Texts.of(language, "console.register.title"), reply.h1());
            assertEquals(consoleRefusal(language, code), reply.alert());
            assertTrue(reply.body().contains("value=\"0000777\""), "the entries are kept");
        }
    }

    @Test
    void anyOtherRefusedRegistrationIsAPageOfItsOwn() {
        fakes.open.refuses(Code.NOT_PERMITTED);

        Reply reply = register(server.staff(StaffRole.OPERATOR, "ja"), "Initial-Pass-1", "yes");

        assertEquals(403, reply.status());
        assertEquals("権限がありません", reply.h1());
    }

    // ----

    private static Reply register(Browser browser, String password, String confirmed) {
        return browser.post("/console/contract-registration", "_csrf", browser.csrf(), "contractNumber", "0000777",
                "contractName", "Console Co.", "administrator", "console-admin", "email", "admin@console.example.jp",
                "language", "en", "password", password, "passwordConfirmation", password, "confirmed", confirmed);
    }

    private static Reply post(Browser browser, String token, String[] action) {
        String[] fields = new String[action.length + 1];
        fields[0] = "_csrf";
        fields[1] = token;
        System.arraycopy(action, 1, fields, 2, action.length - 1);
        return browser.post(action[0], fields);
    }

    /** The console's wording of a refusal, else the customer screens'. */
    private static String consoleRefusal(String language, Code code) {
        try {
            return Texts.of(language, "console.rejection." + code.name());
        } catch (AssertionError none) {
            return Texts.of(language, "rejection." + code.name());
        }
    }

    private void assertNothingDone() {
        assertFalse(fakes.revoke.called() || fakes.reissue.called() || fakes.unlock.called() || fakes.open.called());
    }
}
