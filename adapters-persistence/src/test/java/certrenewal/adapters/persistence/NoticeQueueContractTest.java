package certrenewal.adapters.persistence;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import certrenewal.application.port.out.AuditTrailPort;
import certrenewal.application.port.out.ContactPort;
import certrenewal.application.port.out.ContractPort;
import certrenewal.application.port.out.DigestMail;
import certrenewal.application.port.out.OutgoingMail;
import certrenewal.application.port.out.NoticeQueryPort;
import certrenewal.application.port.out.NoticeQueuePort;
import certrenewal.application.port.out.SaveAccountPort;
import certrenewal.application.port.out.SaveCertificatePort;
import certrenewal.application.port.out.SendMailPort;
import certrenewal.application.port.out.TransactionPort;
import certrenewal.application.readmodel.NoticeRecord;
import certrenewal.application.service.SendExpiryNoticesService;
import certrenewal.domain.account.Contract;
import certrenewal.domain.account.ContractNumber;
import certrenewal.domain.account.IdKind;
import certrenewal.domain.account.LoginAccount;
import certrenewal.domain.account.LoginId;
import certrenewal.domain.certificate.Certificate;
import certrenewal.domain.certificate.RevocationReason;
import certrenewal.domain.certificate.SerialNumber;
import certrenewal.domain.certificate.SubjectName;
import certrenewal.domain.notice.ContactDetails;
import certrenewal.domain.notice.DigestFrequency;
import certrenewal.domain.notice.EmailAddress;
import certrenewal.domain.notice.ExpiryNotice;
import certrenewal.domain.notice.ExpiryNoticeSchedule;
import certrenewal.domain.notice.NoticeLanguage;
import io.micronaut.transaction.TransactionOperations;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The contact details and the notice queue against a real database (one subclass per database), and the notice use
 * case on top of them as two nodes would run it: each notice queued and sent once.
 */
abstract class NoticeQueueContractTest {
    private static final ContractNumber CONTRACT = new ContractNumber("N0001");
    private static final Instant NOW = Instant.parse("2027-03-01T00:00:00Z");
    private static final ExpiryNoticeSchedule SCHEDULE = new ExpiryNoticeSchedule(List.of(40, 10), 90);
    private static final SendExpiryNoticesService.Retries RETRIES =
            new SendExpiryNoticesService.Retries(Duration.ofMinutes(1), Duration.ofHours(1), 3, Duration.ofMinutes(2));

    @Inject
    ContractPort contracts;
    @Inject
    SaveAccountPort savedAccounts;
    @Inject
    SaveCertificatePort savedCertificates;
    @Inject
    ContactPort contacts;
    @Inject
    NoticeQueuePort queue;
    @Inject
    NoticeQueryPort noticeQueries;
    @Inject
    AuditTrailPort audit;
    @Inject
    TransactionPort transactions;
    @Inject
    TransactionOperations<Connection> database;

    private final AtomicReference<Instant> now = new AtomicReference<>(NOW);
    private final Clock clock = new Clock() {
        @Override
        public java.time.ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now.get();
        }
    };

    @BeforeEach
    void startFromEmptyTables() {
        sql("DELETE FROM expiry_notice");
        sql("DELETE FROM contact_details");
        sql("UPDATE login_account SET current_certificate_serial = NULL");
        sql("DELETE FROM renewal");
        sql("DELETE FROM certificate");
        sql("DELETE FROM issuance_grant");
        sql("DELETE FROM login_account");
        sql("DELETE FROM contract");
        transactions.inTransaction(() -> contracts.insertContract(new Contract(CONTRACT, "株式会社通知商事")));
    }

    @Test
    void contactDetailsAreStoredAndChanged() {
        LoginId id = account("taro");
        assertEquals(Optional.empty(), contacts.loadContact(id));
        ContactDetails first = new ContactDetails(id, new EmailAddress("taro@example.jp"), NoticeLanguage.JA);
        transactions.inTransaction(() -> contacts.saveContact(first));
        ContactDetails changed = first.withAddress(new EmailAddress("taro.y@example.com")).withLanguage(NoticeLanguage.EN);
        transactions.inTransaction(() -> contacts.saveContact(changed));
        assertEquals(Optional.of(changed), contacts.loadContact(id));
    }

    @Test
    void aNoticeIsQueuedOnceAndTheDatabaseRefusesASecondRowEvenWithoutTheCheck() {
        LoginId id = account("taro");
        Certificate certificate = certificate(id, "a1", NOW.plus(Duration.ofDays(30)));
        ContactDetails to = contact(id, "taro@example.jp", NoticeLanguage.JA);

        assertTrue(transactions.inTransaction(() -> queue.enqueue(certificate.serial(), ExpiryNotice.before(40), to,
                certificate.notAfter(), 30, NOW)));
        assertFalse(transactions.inTransaction(() -> queue.enqueue(certificate.serial(), ExpiryNotice.before(40), to,
                certificate.notAfter(), 30, NOW)));
        assertEquals(1, count("SELECT COUNT(*) FROM expiry_notice"));
        Exception refused = assertThrows(Exception.class, () -> sql("INSERT INTO expiry_notice (subject, notice,"
                + " certificate_serial, contract_number, login_id, recipient, language, not_after, days_left, state,"
                + " attempts, queued_at, next_attempt_at) SELECT subject, notice, certificate_serial, contract_number,"
                + " login_id, recipient, language, not_after, days_left, 'QUEUED', 0, queued_at, next_attempt_at"
                + " FROM expiry_notice"));
        assertTrue(SqlErrors.isUniqueViolation(refused), refused.toString());
    }

    @Test
    void candidatesSayWhatTheRuleNeeds() {
        LoginId taro = account("taro");
        LoginId jiro = account("jiro");
        Certificate current = certificate(taro, "b1", NOW.plus(Duration.ofDays(30)));
        Certificate old = certificate(jiro, "b2", NOW.plus(Duration.ofDays(20)));
        certificate(jiro, "b3", NOW.plus(Duration.ofDays(300))); // jiro's successor: now his current one
        Certificate revoked = certificate(account("saburo"), "b4", NOW.plus(Duration.ofDays(10)));
        transactions.inTransaction(() -> savedCertificates.updateCertificate(
                revoked.revoke(RevocationReason.KEY_COMPROMISE, NOW)));
        contact(taro, "taro@example.jp", NoticeLanguage.EN);
        transactions.inTransaction(() -> queue.enqueue(current.serial(), ExpiryNotice.before(40),
                contacts.loadContact(taro).orElseThrow(), current.notAfter(), 30, NOW));

        List<NoticeQueuePort.Candidate> found = new ArrayList<>(queue.candidates(NOW.minus(Duration.ofDays(90)),
                NOW.plus(Duration.ofDays(40))));
        found.sort(java.util.Comparator.comparing(c -> c.serial().hex()));

        assertEquals(List.of("b1", "b2"), found.stream().map(c -> c.serial().hex()).toList());
        NoticeQueuePort.Candidate taros = found.get(0);
        assertTrue(taros.active() && taros.currentOfItsId());
        assertEquals(Optional.of(new ContactDetails(taro, new EmailAddress("taro@example.jp"), NoticeLanguage.EN)),
                taros.contact());
        assertEquals(java.util.Set.of(ExpiryNotice.before(40)), taros.queued());
        NoticeQueuePort.Candidate jiros = found.get(1);
        assertFalse(jiros.currentOfItsId());
        assertEquals(Optional.empty(), jiros.contact());
        assertEquals(old.notAfter(), jiros.notAfter());
    }

    @Test
    void aClaimedNoticeIsNotClaimedAgainUntilItsClaimRunsOut() {
        LoginId id = account("taro");
        Certificate certificate = certificate(id, "c1", NOW.plus(Duration.ofDays(30)));
        transactions.inTransaction(() -> queue.enqueue(certificate.serial(), ExpiryNotice.before(40),
                contact(id, "taro@example.jp", NoticeLanguage.JA), certificate.notAfter(), 30, NOW));
        long row = queue.due(NOW, 10).get(0);

        Optional<NoticeQueuePort.Queued> first = queue.claim(row, "node-a", NOW, NOW.plus(Duration.ofMinutes(2)));
        assertTrue(first.isPresent());
        assertEquals("taro@example.jp", first.get().mail().recipient().value());
        assertEquals(30, ((certrenewal.application.port.out.NoticeMail) first.get().mail()).daysLeft());
        assertEquals(Optional.empty(), queue.claim(row, "node-b", NOW.plusSeconds(60), NOW.plusSeconds(180)));
        assertEquals(List.of(), queue.due(NOW.plusSeconds(60), 10));
        // node-a died while sending: once its claim ran out, node-b takes the row, and node-a can no longer record it
        assertTrue(queue.claim(row, "node-b", NOW.plusSeconds(121), NOW.plusSeconds(241)).isPresent());
        assertFalse(transactions.inTransaction(() -> queue.markSent(row, "node-a", NOW.plusSeconds(122))));
        assertTrue(transactions.inTransaction(() -> queue.markSent(row, "node-b", NOW.plusSeconds(122))));
        assertEquals(List.of(), queue.due(NOW.plus(Duration.ofDays(1)), 10));
    }

    @Test
    void aNoticeTheMailServerDidNotTakeStaysQueuedIsRetriedAfterTheBackOffAndIsSentOnce() {
        LoginId id = account("taro");
        certificate(id, "d1", NOW.plus(Duration.ofDays(30)));
        contact(id, "taro@example.jp", NoticeLanguage.JA);
        AtomicBoolean serverUp = new AtomicBoolean(false);
        List<OutgoingMail> delivered = new ArrayList<>();
        SendExpiryNoticesService notices = service(mail -> {
            if (!serverUp.get()) {
                throw new SendMailPort.MailNotSentException("connection refused", null);
            }
            delivered.add(mail);
        });

        assertEquals(1, notices.queueDueNotices());
        assertEquals(0, notices.sendQueuedNotices());
        assertEquals("QUEUED 1", text("SELECT state || ' ' || attempts FROM expiry_notice"));
        now.set(NOW.plusSeconds(59));
        serverUp.set(true);
        assertEquals(0, notices.sendQueuedNotices(), "not before its next attempt");
        now.set(NOW.plusSeconds(60));
        assertEquals(1, notices.sendQueuedNotices());
        assertEquals(0, notices.queueDueNotices());
        assertEquals(0, notices.sendQueuedNotices());

        assertEquals(1, delivered.size());
        assertEquals("SENT 2", text("SELECT state || ' ' || attempts FROM expiry_notice"));
        List<NoticeRecord> shown = noticeQueries.noticesOf(id);
        assertEquals(1, shown.size());
        assertEquals(List.of("before-40", "certificate:d1", "taro@example.jp", "SENT", "2", "connection refused"),
                List.of(shown.get(0).notice(), shown.get(0).subject(), shown.get(0).recipient(), shown.get(0).state(),
                        String.valueOf(shown.get(0).attempts()), shown.get(0).lastError()));
        assertEquals(NOW.plusSeconds(60), shown.get(0).sentAt());
        String deferred = " WHERE action = 'NOTICE_DEFERRED' AND target = 'certificate:d1'";
        assertEquals(1, count("SELECT COUNT(*) FROM audit_pending" + deferred)
                + count("SELECT COUNT(*) FROM audit_entry" + deferred));
    }

    @Test
    void aNoticeIsFailedAfterTheLastAttempt() {
        LoginId id = account("taro");
        certificate(id, "e1", NOW.plus(Duration.ofDays(30)));
        contact(id, "taro@example.jp", NoticeLanguage.JA);
        SendExpiryNoticesService notices = service(mail -> {
            throw new SendMailPort.MailNotSentException("550 mailbox unavailable", null);
        });
        notices.queueDueNotices();
        for (int attempt = 0; attempt < RETRIES.maxAttempts(); attempt++) {
            notices.sendQueuedNotices();
            now.set(now.get().plus(Duration.ofHours(1)));
        }
        assertEquals("FAILED 3", text("SELECT state || ' ' || attempts FROM expiry_notice"));
        assertEquals(List.of(), queue.due(now.get().plus(Duration.ofDays(30)), 10));
    }

    @Test
    void eachAdministratorGetsOneDigestPerPeriodListingItsIdsInTheWindow() {
        LoginAccount admin = LoginAccount.register(new LoginId("boss"), CONTRACT, IdKind.ADMINISTRATOR);
        transactions.inTransaction(() -> savedAccounts.insertAccount(admin));
        contact(admin.id(), "boss@example.jp", NoticeLanguage.EN);
        certificate(admin.id(), "f1", NOW.plus(Duration.ofDays(30)));
        LoginId user = account("worker");
        certificate(user, "f2", NOW.plus(Duration.ofDays(9)));
        certificate(account("later"), "f3", NOW.plus(Duration.ofDays(100)));
        List<OutgoingMail> delivered = new ArrayList<>();
        SendExpiryNoticesService weekly = new SendExpiryNoticesService(queue, delivered::add, audit, transactions,
                SCHEDULE, RETRIES, DigestFrequency.WEEKLY, ZoneOffset.UTC, clock);

        assertEquals(2, weekly.queueDueNotices(), "the administrator's own notice and the digest; the user has no address");
        assertEquals(2, weekly.sendQueuedNotices());
        now.set(NOW.plus(Duration.ofDays(2))); // Wednesday of the same week
        assertEquals(0, weekly.queueDueNotices());
        now.set(NOW.plus(Duration.ofDays(7))); // the next Monday
        assertEquals(1, weekly.queueDueNotices(), "the next week's digest");

        DigestMail digest = (DigestMail) delivered.stream().filter(m -> m instanceof DigestMail).findFirst().orElseThrow();
        assertEquals("boss@example.jp", digest.recipient().value());
        assertEquals(NoticeLanguage.EN, digest.language());
        assertEquals(CONTRACT, digest.contract());
        assertEquals("weekly-2027-03-01", digest.period());
        assertEquals(List.of(new DigestMail.Entry(user, NOW.plus(Duration.ofDays(9)), 9),
                new DigestMail.Entry(admin.id(), NOW.plus(Duration.ofDays(30)), 30)), digest.entries());
        Exception twice = assertThrows(Exception.class, () -> sql("INSERT INTO expiry_notice (subject, notice,"
                + " contract_number, login_id, recipient, language, state, attempts, queued_at, next_attempt_at)"
                + " SELECT subject, notice, contract_number, login_id, recipient, language, 'QUEUED', 0, queued_at,"
                + " next_attempt_at FROM expiry_notice WHERE notice = 'digest-weekly-2027-03-01'"));
        assertTrue(SqlErrors.isUniqueViolation(twice), twice.toString());
    }

    /** Two nodes' jobs at the same moment on one database (no lease between them): every notice queued and sent once. */
    @Test
    void twoNodesRunningTheJobAtOnceSendEachNoticeOnce() throws Exception {
        int ids = 30;
        for (int i = 0; i < ids; i++) {
            LoginId id = account("user" + i);
            certificate(id, Integer.toHexString(0xf000 + i), NOW.plus(Duration.ofDays(i % 2 == 0 ? 30 : 9)));
            contact(id, "user" + i + "@example.jp", NoticeLanguage.JA);
        }
        Map<String, AtomicInteger> received = new ConcurrentHashMap<>();
        SendMailPort mailServer = mail -> received.computeIfAbsent(mail.loginId() + " " + mail.key(),
                key -> new AtomicInteger()).incrementAndGet();
        List<SendExpiryNoticesService> nodes = List.of(service(mailServer), service(mailServer));
        CountDownLatch start = new CountDownLatch(1);
        ExecutorService threads = Executors.newFixedThreadPool(nodes.size());
        try {
            List<Future<Integer>> runs = new ArrayList<>();
            for (SendExpiryNoticesService node : nodes) {
                runs.add(threads.submit(() -> {
                    start.await();
                    node.queueDueNotices();
                    return node.sendQueuedNotices();
                }));
            }
            start.countDown();
            int sent = 0;
            for (Future<Integer> run : runs) {
                sent += run.get();
            }
            assertEquals(ids, sent);
        } finally {
            threads.shutdownNow();
        }

        assertEquals(ids, received.size());
        received.forEach((notice, copies) -> assertEquals(1, copies.get(), notice + " was sent " + copies + " times"));
        assertEquals(ids / 2, received.keySet().stream().filter(k -> k.endsWith("before-40")).count());
        assertEquals(ids / 2, received.keySet().stream().filter(k -> k.endsWith("before-10")).count());
        assertEquals(ids, count("SELECT COUNT(*) FROM expiry_notice WHERE state = 'SENT' AND attempts = 1"));
    }

    private SendExpiryNoticesService service(SendMailPort mail) {
        return new SendExpiryNoticesService(queue, mail, audit, transactions, SCHEDULE, RETRIES, DigestFrequency.OFF,
                ZoneOffset.UTC, clock);
    }

    private LoginId account(String id) {
        LoginAccount account = LoginAccount.register(new LoginId(id), CONTRACT, IdKind.USER);
        transactions.inTransaction(() -> savedAccounts.insertAccount(account));
        return account.id();
    }

    /** An active certificate, now its owner's current one. */
    private Certificate certificate(LoginId owner, String serialHex, Instant notAfter) {
        SubjectName subject = new SubjectName("JP", "株式会社通知商事", CONTRACT.value(), owner.value());
        Certificate certificate = Certificate.issued(SerialNumber.ofHex(serialHex), owner, subject,
                "CN=Sample Bank Client CA G1,O=Sample Bank,C=JP", notAfter.minus(Duration.ofDays(365)), notAfter,
                serialHex.getBytes(), serialHex.toUpperCase());
        transactions.inTransaction(() -> savedCertificates.insertCertificate(certificate,
                ("key of " + serialHex).getBytes()));
        sql("UPDATE login_account SET current_certificate_serial = '" + serialHex + "' WHERE login_id = '" + owner + "'");
        return certificate;
    }

    private ContactDetails contact(LoginId id, String address, NoticeLanguage language) {
        ContactDetails contact = new ContactDetails(id, new EmailAddress(address), language);
        transactions.inTransaction(() -> contacts.saveContact(contact));
        return contact;
    }

    private void sql(String statement) {
        database.executeWrite(status -> {
            try (Statement sql = status.getConnection().createStatement()) {
                return sql.executeUpdate(statement);
            }
        });
    }

    private long count(String query) {
        return Long.parseLong(text(query));
    }

    private String text(String query) {
        return database.executeRead(status -> {
            try (Statement sql = status.getConnection().createStatement(); ResultSet rows = sql.executeQuery(query)) {
                rows.next();
                return rows.getString(1);
            } catch (SQLException e) {
                throw new IllegalStateException(e);
            }
        });
    }
}
