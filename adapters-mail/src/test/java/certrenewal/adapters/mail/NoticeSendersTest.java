package certrenewal.adapters.mail;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import certrenewal.application.port.out.DigestMail;
import certrenewal.application.port.out.NoticeMail;
import certrenewal.application.port.out.SendMailPort;
import certrenewal.domain.account.ContractNumber;
import certrenewal.domain.account.LoginId;
import certrenewal.domain.notice.EmailAddress;
import certrenewal.domain.notice.ExpiryNotice;
import certrenewal.domain.notice.NoticeLanguage;
import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import com.icegreen.greenmail.util.ServerSetupTest;
import jakarta.mail.Message;
import jakarta.mail.Multipart;
import jakarta.mail.Part;
import jakarta.mail.Session;
import jakarta.mail.internet.MimeMessage;
import java.io.InputStream;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Properties;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/** The mail adapter against GreenMail, a real SMTP server in this process on a free port, and the .eml writer. */
class NoticeSendersTest {
    private static final ZoneId TOKYO = ZoneId.of("Asia/Tokyo");
    private static final Instant EXPIRY = Instant.parse("2027-03-31T06:00:00Z");
    private static final String LOGIN_URL = "https://ib.example-bank.jp/login";

    @RegisterExtension
    static final GreenMailExtension SMTP = new GreenMailExtension(ServerSetupTest.SMTP.dynamicPort());

    @TempDir
    Path data;

    private MailSettings smtpAt(int port) {
        return new MailSettings("127.0.0.1", port, "", "", "notices@example-bank.jp", MailSettings.Security.NONE,
                LOGIN_URL, data.resolve("mail"));
    }

    private static NoticeMail notice(long reference, String to, NoticeLanguage language, String id, ExpiryNotice kind,
                                     int daysLeft) {
        return new NoticeMail(reference, new EmailAddress(to), language, new LoginId(id), kind, EXPIRY, daysLeft);
    }

    @Test
    void aJapaneseNoticeReachesItsRecipientWithTheIdTheDateTheDaysLeftAndTheSteps() throws Exception {
        new SmtpNoticeSender(smtpAt(SMTP.getSmtp().getPort()), TOKYO)
                .send(notice(7, "taro@example.jp", NoticeLanguage.JA, "demo-user1", ExpiryNotice.before(40), 30));

        MimeMessage[] received = SMTP.getReceivedMessages();
        assertEquals(1, received.length);
        MimeMessage mail = received[0];
        assertEquals("taro@example.jp", mail.getRecipients(Message.RecipientType.TO)[0].toString());
        assertEquals("notices@example-bank.jp", mail.getFrom()[0].toString());
        assertEquals("【重要】電子証明書の有効期限が近づいています（ログインID demo-user1）", mail.getSubject());
        String body = text(mail);
        assertTrue(body.contains("ログインID demo-user1 の電子証明書は 2027年3月31日 15:00 (Asia/Tokyo) に有効期限を迎えます（残り 30 日）"), body);
        assertTrue(body.contains("次のURLからログインします: " + LOGIN_URL), body);
        assertTrue(body.contains("「証明書更新」") && body.contains("「このウィンドウを閉じる」"), body);
        assertEquals("<notice-7-before-40@example-bank.jp>", mail.getMessageID());
        assertNoSecretLinks(body);
    }

    @Test
    void anEnglishNoticeOnExpiryIsInEnglish() throws Exception {
        new SmtpNoticeSender(smtpAt(SMTP.getSmtp().getPort()), TOKYO)
                .send(notice(8, "hanako@example.com", NoticeLanguage.EN, "demo-user2", ExpiryNotice.ON_EXPIRY, 0));

        MimeMessage mail = SMTP.getReceivedMessages()[0];
        assertEquals("hanako@example.com", mail.getRecipients(Message.RecipientType.TO)[0].toString());
        assertEquals("Important: your electronic certificate has expired (login ID demo-user2)", mail.getSubject());
        String body = text(mail);
        assertTrue(body.contains("The electronic certificate of login ID demo-user2 expired on 31 March 2027, 15:00 (Asia/Tokyo)."), body);
        assertTrue(body.contains("1. Log in at " + LOGIN_URL), body);
        assertFalse(body.contains("ログイン"), body);
        assertNoSecretLinks(body);
    }

    @Test
    void anAdministratorsDigestListsItsIdsWithTheirExpiry() throws Exception {
        new SmtpNoticeSender(smtpAt(SMTP.getSmtp().getPort()), TOKYO).send(new DigestMail(12,
                new EmailAddress("admin@example.jp"), NoticeLanguage.JA, new LoginId("demo-admin"),
                new ContractNumber("0000001"), "weekly-2027-03-01", List.of(
                        new DigestMail.Entry(new LoginId("demo-user1"), EXPIRY, 9),
                        new DigestMail.Entry(new LoginId("demo-user2"), EXPIRY.plusSeconds(86400), 10))));

        MimeMessage mail = SMTP.getReceivedMessages()[0];
        assertEquals("admin@example.jp", mail.getRecipients(Message.RecipientType.TO)[0].toString());
        assertEquals("【お知らせ】有効期限が近い電子証明書の一覧（契約 0000001）", mail.getSubject());
        String body = text(mail);
        assertTrue(body.contains("管理者ID demo-admin 様"), body);
        assertTrue(body.contains("・ログインID demo-user1: 有効期限 2027年3月31日 15:00 (Asia/Tokyo)（残り 9 日）"), body);
        assertTrue(body.contains("・ログインID demo-user2: 有効期限 2027年4月1日 15:00 (Asia/Tokyo)（残り 10 日）"), body);
        assertEquals("<notice-12-digest-weekly-2027-03-01@example-bank.jp>", mail.getMessageID());
        assertNoSecretLinks(body);
    }

    @Test
    void aServerThatIsDownIsReportedAndTheSameNoticeGoesThroughOnceItIsBack() throws Exception {
        int port;
        try (ServerSocket free = new ServerSocket(0)) {
            port = free.getLocalPort();
        }
        SmtpNoticeSender sender = new SmtpNoticeSender(smtpAt(port), TOKYO);
        NoticeMail mail = notice(9, "taro@example.jp", NoticeLanguage.JA, "demo-user1", ExpiryNotice.before(10), 9);

        SendMailPort.MailNotSentException down = assertThrows(SendMailPort.MailNotSentException.class, () -> sender.send(mail));
        assertTrue(down.getMessage().contains("127.0.0.1:" + port), down.getMessage());

        GreenMail back = new GreenMail(new ServerSetup(port, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
        back.start();
        try {
            sender.send(mail);
            assertEquals(1, back.getReceivedMessages().length);
            assertEquals("<notice-9-before-10@example-bank.jp>", back.getReceivedMessages()[0].getMessageID());
        } finally {
            back.stop();
        }
    }

    @Test
    void withoutAServerEachNoticeIsOneEmlFileThatASecondAttemptRewrites() throws Exception {
        EmlFileNoticeSender files = new EmlFileNoticeSender(smtpAt(0), TOKYO);
        NoticeMail mail = notice(11, "admin@example.jp", NoticeLanguage.JA, "demo-admin", ExpiryNotice.before(40), 30);

        files.send(mail);
        files.send(mail);

        List<Path> written;
        try (Stream<Path> listing = Files.list(data.resolve("mail"))) {
            written = listing.toList();
        }
        assertEquals(List.of(data.resolve("mail/notice-11-demo-admin-before-40.eml")), written);
        try (InputStream in = Files.newInputStream(written.get(0))) {
            MimeMessage read = new MimeMessage(Session.getInstance(new Properties()), in);
            assertEquals("admin@example.jp", read.getRecipients(Message.RecipientType.TO)[0].toString());
            assertTrue(text(read).contains("ログインID demo-admin"));
        }
        assertEquals(0, SMTP.getReceivedMessages().length);
    }

    /** The text/plain part a mail program shows. */
    static String text(Part part) throws Exception {
        if (part.isMimeType("text/plain")) {
            return (String) part.getContent();
        }
        if (part.getContent() instanceof Multipart parts) {
            for (int i = 0; i < parts.getCount(); i++) {
                String found = text(parts.getBodyPart(i));
                if (found != null) {
                    return found;
                }
            }
        }
        return null;
    }

    private static void assertNoSecretLinks(String body) {
        List<String> urls = Stream.of(body.split("\\s")).filter(word -> word.contains("://")).toList();
        assertEquals(List.of(LOGIN_URL), urls, "the only link is the login page's, with no token: " + urls);
        assertFalse(body.contains("?"), "no query string, no token: " + body);
    }
}
