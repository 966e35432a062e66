package certrenewal.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import certrenewal.application.port.in.console.ViewIdNoticesUseCase;
import certrenewal.application.readmodel.IdNotices;
import certrenewal.domain.account.LoginId;
import certrenewal.domain.administration.Actor;
import certrenewal.domain.administration.StaffRole;
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
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * The "done when" on the running system: started as the README says, with SMTP pointing at GreenMail (a real
 * SMTP server in this process on a free port), the demo IDs (30 days left, inside 40) receive their 40-day notice
 * each once, in their language, and the administrator its digest of the three, once; nothing more after a restart; without a mail server the notices appear as .eml
 * files under the data directory. The job is run through its cluster lease as its timer would (the timer itself is
 * pushed out of the test's way).
 */
class ExpiryNoticesTest {
    @RegisterExtension
    static final GreenMailExtension SMTP = new GreenMailExtension(ServerSetupTest.SMTP.dynamicPort());

    @TempDir
    Path dataDir;

    private Map<String, Object> settings(boolean smtp) {
        Map<String, Object> settings = new java.util.HashMap<>(Map.of(
                "certrenewal.notices.initial-delay", "1h",
                "certrenewal.notices.login-url", "https://ib.example-bank.jp/"));
        if (smtp) {
            settings.putAll(Map.of(
                    "certrenewal.notices.smtp.host", "127.0.0.1",
                    "certrenewal.notices.smtp.port", SMTP.getSmtp().getPort(),
                    "certrenewal.notices.smtp.tls", "none",
                    "certrenewal.notices.smtp.from", "certificates@example-bank.jp"));
        }
        return settings;
    }

    @Test
    void theDemoIdsGetTheirFortyDayNoticeOnceAndNothingMoreAfterARestart() throws Exception {
        try (EndToEnd system = EndToEnd.start(dataDir, settings(true))) {
            system.bean(ExpiryNoticeJob.class).run();
            system.bean(ExpiryNoticeJob.class).run();

            // what the console's ID page shows of it
            IdNotices shown = system.bean(ViewIdNoticesUseCase.class).noticesOf(
                    new Actor.Staff("notices-test", StaffRole.OPERATOR), new LoginId("demo-user2"));
            assertEquals("demo-user2@example.com", shown.contact().orElseThrow().address().value());
            assertEquals(List.of("before-40 SENT 1"), shown.notices().stream()
                    .map(n -> n.notice() + " " + n.state() + " " + n.attempts()).toList());
        }
        List<MimeMessage> digests = Stream.of(SMTP.getReceivedMessages()).filter(ExpiryNoticesTest::isDigest).toList();
        Map<String, MimeMessage> received = byRecipient(Stream.of(SMTP.getReceivedMessages())
                .filter(m -> !isDigest(m)).toArray(MimeMessage[]::new));
        assertEquals(List.of("demo-admin@example.jp", "demo-user1@example.jp", "demo-user2@example.com"),
                List.copyOf(received.keySet()));
        assertEquals("【重要】電子証明書の有効期限が近づいています（ログインID demo-admin）",
                received.get("demo-admin@example.jp").getSubject());
        String user1 = text(received.get("demo-user1@example.jp"));
        assertTrue(user1.contains("ログインID demo-user1 の電子証明書は ") && user1.contains("（残り 30 日）"), user1);
        assertTrue(user1.contains("次のURLからログインします: https://ib.example-bank.jp/"), user1);
        assertEquals("Important: your electronic certificate expires soon (login ID demo-user2)",
                received.get("demo-user2@example.com").getSubject());
        assertTrue(text(received.get("demo-user2@example.com")).contains("(30 days left)"));

        assertEquals(1, digests.size(), "one digest");
        MimeMessage digest = digests.get(0);
        assertEquals("demo-admin@example.jp", digest.getRecipients(Message.RecipientType.TO)[0].toString());
        String lines = text(digest);
        for (String id : List.of("demo-admin", "demo-user1", "demo-user2")) {
            assertTrue(lines.contains("・ログインID " + id + ": 有効期限 "), lines);
        }

        try (EndToEnd restarted = EndToEnd.start(dataDir, settings(true))) {
            restarted.bean(ExpiryNoticeJob.class).run();
        }
        assertEquals(4, SMTP.getReceivedMessages().length, "nothing more after a restart");
    }

    @Test
    void whileTheMailServerIsDownTheNoticesStayQueuedAndAreSentOnceWhenItIsBack() throws Exception {
        int port = EndToEnd.freePort();
        Map<String, Object> settings = new java.util.HashMap<>(settings(true));
        settings.put("certrenewal.notices.smtp.port", port);
        try (EndToEnd system = EndToEnd.start(dataDir, settings)) {
            ExpiryNoticeJob job = system.bean(ExpiryNoticeJob.class);
            job.run(); // nothing listens on the port
            IdNotices waiting = system.bean(ViewIdNoticesUseCase.class).noticesOf(
                    new Actor.Staff("notices-test", StaffRole.OPERATOR), new LoginId("demo-user1"));
            assertEquals(List.of("before-40 QUEUED 1"), waiting.notices().stream()
                    .map(n -> n.notice() + " " + n.state() + " " + n.attempts()).toList());
            assertTrue(waiting.notices().get(0).lastError().contains("127.0.0.1:" + port), waiting.toString());

            GreenMail back = new GreenMail(new ServerSetup(port, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
            back.start();
            try {
                job.run();
                assertEquals(0, back.getReceivedMessages().length, "not before the back-off has passed");
                system.bean(MutableClock.class).advance(java.time.Duration.ofMinutes(1));
                job.run();
                job.run();
                assertEquals(4, back.getReceivedMessages().length, "three notices and the digest, each once");
                byRecipient(Stream.of(back.getReceivedMessages()).filter(m -> !isDigest(m)).toArray(MimeMessage[]::new));
            } finally {
                back.stop();
            }
        }
    }

    @Test
    void withoutAMailServerTheNoticesAreEmlFilesUnderTheDataDirectory() throws Exception {
        try (EndToEnd system = EndToEnd.start(dataDir, settings(false))) {
            system.bean(ExpiryNoticeJob.class).run();
        }
        List<Path> files;
        try (Stream<Path> listing = Files.list(dataDir.resolve("mail"))) {
            files = listing.sorted().toList();
        }
        assertEquals(4, files.size(), files.toString());
        MimeMessage[] read = new MimeMessage[files.size()];
        for (int i = 0; i < files.size(); i++) {
            try (InputStream in = Files.newInputStream(files.get(i))) {
                read[i] = new MimeMessage(Session.getInstance(new Properties()), in);
            }
        }
        assertEquals(List.of("demo-admin@example.jp", "demo-user1@example.jp", "demo-user2@example.com"),
                List.copyOf(byRecipient(Stream.of(read).filter(m -> !isDigest(m)).toArray(MimeMessage[]::new)).keySet()));
        assertEquals(3, files.stream().filter(f -> f.getFileName().toString().endsWith("-before-40.eml")).count(),
                files.toString());
        assertEquals(1, files.stream().filter(f -> f.getFileName().toString().contains("-demo-admin-digest-weekly-")).count(),
                files.toString());
        assertEquals(0, SMTP.getReceivedMessages().length);
    }

    private static Map<String, MimeMessage> byRecipient(MimeMessage[] messages) throws Exception {
        Map<String, MimeMessage> byRecipient = new TreeMap<>();
        for (MimeMessage message : messages) {
            String to = message.getRecipients(Message.RecipientType.TO)[0].toString();
            if (byRecipient.put(to, message) != null) {
                throw new AssertionError(to + " received more than one notice");
            }
        }
        return byRecipient;
    }

    private static boolean isDigest(MimeMessage message) {
        try {
            return message.getMessageID().contains("-digest-");
        } catch (jakarta.mail.MessagingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String text(Part part) throws Exception {
        if (part.isMimeType("text/plain")) {
            return (String) part.getContent();
        }
        Multipart parts = (Multipart) part.getContent();
        for (int i = 0; i < parts.getCount(); i++) {
            String found = text(parts.getBodyPart(i));
            if (found != null) {
                return found;
            }
        }
        return null;
    }
}
