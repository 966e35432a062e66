package certrenewal.adapters.web.console;

import certrenewal.application.readmodel.IdNotices;
import certrenewal.application.readmodel.NoticeRecord;
import certrenewal.domain.notice.ContactDetails;
import certrenewal.domain.notice.EmailAddress;
import certrenewal.domain.notice.NoticeLanguage;
import java.time.Instant;
import java.util.List;
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
import certrenewal.adapters.web.WebTest;
import certrenewal.application.readmodel.ContractDetails;
import certrenewal.application.readmodel.LoginIdSummary;
import certrenewal.domain.account.AccountStatus;
import certrenewal.domain.account.IdKind;
import certrenewal.domain.account.LoginId;
import certrenewal.domain.administration.StaffRole;
import certrenewal.domain.certificate.CertificateStatus;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class DetailsControllerTest extends WebTest {
    private static final LoginIdSummary USER = Samples.summary("web-user", IdKind.USER, AccountStatus.LOCKED, CertificateStatus.REVOKED);

    @ParameterizedTest
    @ValueSource(strings = {"/console/ids/web-user", "/console/contracts/0000001", "/console/certificates/1a2b"})
    void anAuditorMayNotSeeTheRecords(String path) {
        Reply reply = server.staff(StaffRole.AUDITOR, "ja").get(path);

        assertEquals(403, reply.status(), reply.toString());
        assertEquals("この操作を行う権限がありません。", reply.alert());
        assertFalse(fakes.loginIdDetails.called() || fakes.contractDetails.called() || fakes.ownerOf.called());
    }

    @ParameterizedTest
    @ValueSource(strings = {"/console/ids/web-user", "/console/contracts/0000001", "/console/certificates/1a2b"})
    void withoutAStaffSessionTheRecordsLeadToTheConsolesLogin(String path) {
        assertEquals("/console/login", server.browser(null, "ja").get(path).location());
        assertFalse(fakes.loginIdDetails.called() || fakes.contractDetails.called() || fakes.ownerOf.called());
    }

    @Test
    void aLoginIdsPageShowsItsCertificatesAndRenewalAttemptsInTheBanksZone() {
        Browser browser = server.staff(StaffRole.OPERATOR, "ja");
        fakes.loginIdDetails.returns(Optional.of(Samples.details(USER)));

        Reply reply = browser.get("/console/ids/web-user");

        assertEquals(200, reply.status(), reply.toString());
        assertEquals("ログインID詳細", reply.h1());
        assertEquals(new Fakes.OnId(OPERATOR, new LoginId("web-user")), fakes.loginIdDetails.onlyCall());
        String text = reply.text();
        assertTrue(reply.body().contains("id=\"certificate-" + USER.serial().hex() + "\""), reply.body());
        assertTrue(text.contains("ロック中") && text.contains("利用者ID"), text);
        assertTrue(text.contains("2026-03-01 12:15 JST") && text.contains("秘密鍵の漏えい"), "revoked at, and why: " + text);
        assertTrue(text.contains("2026-03-31 18:00 JST") && text.contains("timed out"), "the renewal attempt: " + text);
        assertFalse(reply.body().contains("/reissue\"") || reply.body().contains("/unlock\""),
                "a user ID is its administrator's to re-issue and unlock");
    }

    @Test
    void aLoginIdsPageShowsItsContactAddressAndTheNoticesSentToIt() {
        Browser browser = server.staff(StaffRole.OPERATOR, "en");
        fakes.loginIdDetails.returns(Optional.of(Samples.details(USER)));
        fakes.idNotices = new IdNotices(Optional.of(new ContactDetails(new LoginId("web-user"),
                new EmailAddress("web-user@example.jp"), NoticeLanguage.EN)), List.of(
                new NoticeRecord("before-10", "certificate:1a2b", "web-user@example.jp", "QUEUED", 2,
                        Instant.parse("2026-03-21T00:00:00Z"), Instant.parse("2026-03-21T00:04:00Z"), null,
                        "connection refused"),
                new NoticeRecord("before-40", "certificate:1a2b", "web-user@example.jp", "SENT", 1,
                        Instant.parse("2026-02-19T00:00:00Z"), Instant.parse("2026-02-19T00:00:00Z"),
                        Instant.parse("2026-02-19T00:00:05Z"), null)));

        Reply reply = browser.get("/console/ids/web-user");

        assertEquals(200, reply.status(), reply.toString());
        assertEquals(List.of(new LoginId("web-user")), fakes.idNoticesAsked);
        String text = reply.text();
        assertTrue(text.contains("web-user@example.jp (English)"), text);
        assertTrue(text.contains("Expiry notices"), text);
        assertTrue(reply.body().contains("data-notice=\"before-40\"") && reply.body().contains("data-notice=\"before-10\""));
        assertTrue(text.contains("connection refused") && text.contains("2026-02-19 09:00 JST"), text);
    }

    @Test
    void anIdWithoutAnAddressOrNoticesSaysSo() {
        Browser browser = server.staff(StaffRole.OPERATOR, "ja");
        fakes.loginIdDetails.returns(Optional.of(Samples.details(USER)));

        String text = browser.get("/console/ids/web-user").text();

        assertTrue(text.contains("連絡先メールアドレス 未登録"), text);
        assertTrue(text.contains("まだ送っていません。"), text);
    }

    @ParameterizedTest
    @CsvSource({"web-admin, true, false", "locked-admin, true, true", "gone-admin, false, false"})
    void anOperatorIsOfferedWhatThePolicyAllowsOnAnAdministratorId(String loginId, boolean reissue, boolean unlock) {
        Browser browser = server.staff(StaffRole.OPERATOR, "ja");
        fakes.loginIdDetails.answers(ConsoleIds.detailsOf(ADMIN, LOCKED_ADMIN, WITHDRAWN_ADMIN));

        Reply reply = browser.get("/console/ids/" + loginId);

        assertEquals(reissue, reply.body().contains("href=\"/console/ids/" + loginId + "/reissue\""), "re-issue");
        assertEquals(unlock, reply.body().contains("href=\"/console/ids/" + loginId + "/unlock\""), "unlock");
    }

    @ParameterizedTest
    @CsvSource({"revoked, web-user の電子証明書を失効しました。", "unlocked, web-user のロックを解除しました。", "anything, ''"})
    void aPageReachedAfterAnActionSaysWhatWasDone(String done, String notice) {
        Browser browser = server.staff(StaffRole.OPERATOR, "ja");
        fakes.loginIdDetails.returns(Optional.of(Samples.details(USER)));

        assertEquals(notice, browser.get("/console/ids/web-user?done=" + done).notice());
    }

    @ParameterizedTest
    @CsvSource({"not%20an%20id, false", "%E3%81%82, false", "nobody, true"})
    void anIdThatIsNoneOrUnknownIsNotFound(String loginId, boolean looked) {
        Browser browser = server.staff(StaffRole.OPERATOR, "en");
        fakes.loginIdDetails.returns(Optional.empty());

        Reply reply = browser.get("/console/ids/" + loginId);

        assertEquals(404, reply.status(), reply.toString());
        assertEquals("Not found", reply.h1());
        assertTrue(reply.alert().startsWith("Login ID ") && reply.alert().endsWith(" was not found."), reply.alert());
        assertEquals(looked, fakes.loginIdDetails.called(), "only a login ID is looked up");
    }

    @Test
    void aContractsPageListsItsIds() {
        Browser browser = server.staff(StaffRole.OPERATOR, "ja");
        fakes.contractDetails.returns(Optional.of(new ContractDetails(Samples.CONTRACT_RECORD, List.of(ADMIN, USER))));

        Reply reply = browser.get("/console/contracts/0000001");

        assertEquals(200, reply.status(), reply.toString());
        assertEquals("契約詳細", reply.h1());
        assertTrue(reply.text().contains("Web Test Co."));
        assertTrue(reply.body().contains("data-login-id=\"web-admin\"") && reply.body().contains("data-login-id=\"web-user\""));
        assertEquals(new Fakes.OnContract(OPERATOR, Samples.CONTRACT), fakes.contractDetails.onlyCall());
    }

    @ParameterizedTest
    @CsvSource({"000-0001, false", "a-contract-number-longer-than-twenty, false", "9999999, true"})
    void aContractThatIsNoneOrUnknownIsNotFound(String number, boolean looked) {
        Browser browser = server.staff(StaffRole.OPERATOR, "ja");
        fakes.contractDetails.returns(Optional.empty());

        Reply reply = browser.get("/console/contracts/" + number);

        assertEquals(404, reply.status());
        assertEquals("契約 " + number + " は見つかりません。", reply.alert());
        assertEquals(looked, fakes.contractDetails.called());
    }

    @Test
    void aCertificateLeadsToItsRowOnItsOwnersPage() {
        Browser browser = server.staff(StaffRole.OPERATOR, "ja");
        fakes.ownerOf.returns(Optional.of(new LoginId("web-user")));

        Reply reply = browser.get("/console/certificates/0A:1B");

        assertEquals(303, reply.status(), reply.toString());
        assertEquals("/console/ids/web-user#certificate-a1b", reply.location());
        assertEquals("a1b", fakes.ownerOf.onlyCall().serial().hex());
    }

    @ParameterizedTest
    @CsvSource({"xyz, false", "0, false", "00, false", "ffffffffffffffffffffffffffffffffffffffffff, false", "abc, true"})
    void aSerialThatIsNoneOrUnknownIsNotFound(String serial, boolean looked) {
        Browser browser = server.staff(StaffRole.OPERATOR, "ja");
        fakes.ownerOf.returns(Optional.empty());

        Reply reply = browser.get("/console/certificates/" + serial);

        assertEquals(404, reply.status(), reply.toString());
        assertEquals("シリアル番号 " + serial + " の電子証明書は見つかりません。", reply.alert());
        assertEquals(looked, fakes.ownerOf.called());
    }
}
