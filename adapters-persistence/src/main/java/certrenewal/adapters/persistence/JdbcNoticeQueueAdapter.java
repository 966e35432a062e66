package certrenewal.adapters.persistence;

import certrenewal.application.port.out.DigestMail;
import certrenewal.application.port.out.NoticeMail;
import certrenewal.application.port.out.NoticeQueryPort;
import certrenewal.application.port.out.NoticeQueuePort;
import certrenewal.application.port.out.OutgoingMail;
import certrenewal.application.readmodel.NoticeRecord;
import certrenewal.domain.account.ContractNumber;
import certrenewal.domain.account.LoginId;
import certrenewal.domain.certificate.SerialNumber;
import certrenewal.domain.notice.ContactDetails;
import certrenewal.domain.notice.EmailAddress;
import certrenewal.domain.notice.ExpiryNotice;
import certrenewal.domain.notice.NoticeLanguage;
import io.micronaut.transaction.TransactionOperations;
import jakarta.inject.Singleton;
import java.sql.Connection;
import java.time.Instant;
import java.util.HashMap;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The notice queue as rows of {@code expiry_notice} (V10). Queueing relies on the unique constraint (subject,
 * notice) with {@code ON CONFLICT DO NOTHING}, so a second node's insert changes nothing and does not abort its
 * transaction; claiming is one conditional UPDATE.
 */
@Singleton
public class JdbcNoticeQueueAdapter implements NoticeQueuePort, NoticeQueryPort {
    private static final int MAX_ERROR = 1000;
    private static final String DIGEST = DigestMail.keyOf("");
    private static final String WAITING = "((state = 'QUEUED' AND next_attempt_at <= ?) OR (state = 'SENDING' AND claimed_until <= ?))";
    private final SqlReads sql;

    JdbcNoticeQueueAdapter(TransactionOperations<Connection> transactions) {
        this.sql = new SqlReads(transactions);
    }

    @Override
    public List<Candidate> candidates(Instant from, Instant to) {
        return sql.read(connection -> {
            Map<String, Set<ExpiryNotice>> queued = new HashMap<>();
            SqlReads.list(connection, """
                    SELECT n.certificate_serial, n.notice
                      FROM expiry_notice n JOIN certificate c ON c.serial = n.certificate_serial
                     WHERE c.status = 'ACTIVE' AND c.not_after >= ? AND c.not_after < ?""", List.of(from, to), row ->
                    queued.computeIfAbsent(row.getString(1), s -> new HashSet<>()).add(ExpiryNotice.ofKey(row.getString(2))));
            return SqlReads.list(connection, """
                    SELECT c.serial, c.login_id, c.not_after, a.status, a.current_certificate_serial, d.email, d.language,
                           a.contract_number
                      FROM certificate c
                      JOIN login_account a ON a.login_id = c.login_id
                      LEFT JOIN contact_details d ON d.login_id = c.login_id
                     WHERE c.status = 'ACTIVE' AND c.not_after >= ? AND c.not_after < ?""", List.of(from, to), row -> {
                String serial = row.getString(1);
                LoginId owner = new LoginId(row.getString(2));
                String email = row.getString(6);
                Optional<ContactDetails> contact = email == null ? Optional.empty() : Optional.of(new ContactDetails(
                        owner, new EmailAddress(email), NoticeLanguage.parse(row.getString(7)).orElseThrow()));
                return new Candidate(SerialNumber.ofHex(serial), owner, new ContractNumber(row.getString(8)),
                        SqlReads.instant(row, 3),
                        !"REVOKED".equals(row.getString(4)), serial.equals(row.getString(5)), contact,
                        Set.copyOf(queued.getOrDefault(serial, Set.of())));
            });
        });
    }

    @Override
    public boolean enqueue(SerialNumber serial, ExpiryNotice notice, ContactDetails to, Instant notAfter, int daysLeft,
                           Instant now) {
        return sql.write(connection -> SqlReads.update(connection, """
                INSERT INTO expiry_notice (subject, notice, certificate_serial, contract_number, login_id, recipient,
                                           language, not_after, days_left, state, attempts, queued_at, next_attempt_at)
                SELECT ?, ?, ?, contract_number, login_id, ?, ?, ?, ?, 'QUEUED', 0, ?, ?
                  FROM login_account WHERE login_id = ?
                ON CONFLICT DO NOTHING""", List.of("certificate:" + serial.hex(), notice.key(), serial.hex(),
                to.address().value(), to.language().tag(), notAfter, daysLeft, now, now, to.loginId().value())) == 1);
    }

    @Override
    public Map<ContractNumber, ContactDetails> administratorContacts() {
        return sql.read(connection -> {
            Map<ContractNumber, ContactDetails> found = new HashMap<>();
            SqlReads.list(connection, """
                    SELECT a.contract_number, a.login_id, d.email, d.language
                      FROM login_account a JOIN contact_details d ON d.login_id = a.login_id
                     WHERE a.kind = 'ADMINISTRATOR' AND a.status <> 'REVOKED'""", List.of(), row ->
                    found.put(new ContractNumber(row.getString(1)), new ContactDetails(new LoginId(row.getString(2)),
                            new EmailAddress(row.getString(3)), NoticeLanguage.parse(row.getString(4)).orElseThrow())));
            return found;
        });
    }

    @Override
    public boolean enqueueDigest(ContractNumber contract, String period, ContactDetails to,
                                 List<DigestMail.Entry> entries, Instant now) {
        StringBuilder contents = new StringBuilder();
        for (DigestMail.Entry entry : entries) {
            contents.append(entry.loginId()).append('|').append(entry.notAfter()).append('|').append(entry.daysLeft())
                    .append('\n');
        }
        return sql.write(connection -> SqlReads.update(connection, """
                INSERT INTO expiry_notice (subject, notice, contract_number, login_id, recipient, language, contents,
                                           state, attempts, queued_at, next_attempt_at)
                VALUES (?, ?, ?, ?, ?, ?, ?, 'QUEUED', 0, ?, ?)
                ON CONFLICT DO NOTHING""", List.of("contract:" + contract.value(), DigestMail.keyOf(period),
                contract.value(), to.loginId().value(), to.address().value(), to.language().tag(), contents.toString(),
                now, now)) == 1);
    }

    @Override
    public List<Long> due(Instant now, int limit) {
        return sql.read(connection -> SqlReads.list(connection,
                "SELECT id FROM expiry_notice WHERE " + WAITING + " ORDER BY next_attempt_at, id LIMIT ?",
                List.of(now, now, limit), row -> row.getLong(1)));
    }

    @Override
    public Optional<Queued> claim(long id, String claimant, Instant now, Instant until) {
        return sql.write(connection -> {
            if (SqlReads.update(connection, "UPDATE expiry_notice SET state = 'SENDING', claimed_by = ?, claimed_until = ?"
                    + " WHERE id = ? AND " + WAITING, List.of(claimant, until, id, now, now)) == 0) {
                return Optional.<Queued>empty();
            }
            return SqlReads.first(connection, """
                    SELECT subject, notice, contract_number, login_id, recipient, language, not_after, days_left, contents,
                           attempts
                      FROM expiry_notice WHERE id = ?""", List.of(id), row -> new Queued(id, row.getString(1),
                    mail(id, row), row.getInt(10)));
        });
    }

    private static OutgoingMail mail(long id, java.sql.ResultSet row) throws java.sql.SQLException {
        String notice = row.getString(2);
        EmailAddress recipient = new EmailAddress(row.getString(5));
        NoticeLanguage language = NoticeLanguage.parse(row.getString(6)).orElseThrow();
        LoginId loginId = new LoginId(row.getString(4));
        if (!notice.startsWith(DIGEST)) {
            return new NoticeMail(id, recipient, language, loginId, ExpiryNotice.ofKey(notice), SqlReads.instant(row, 7),
                    row.getInt(8));
        }
        List<DigestMail.Entry> entries = new ArrayList<>();
        for (String line : row.getString(9).split("\n")) {
            if (!line.isEmpty()) {
                String[] parts = line.split("\\|");
                entries.add(new DigestMail.Entry(new LoginId(parts[0]), Instant.parse(parts[1]), Integer.parseInt(parts[2])));
            }
        }
        return new DigestMail(id, recipient, language, loginId, new ContractNumber(row.getString(3)),
                notice.substring(DIGEST.length()), entries);
    }

    @Override
    public List<NoticeRecord> noticesOf(LoginId id) {
        return sql.read(connection -> SqlReads.list(connection, """
                SELECT notice, subject, recipient, state, attempts, queued_at, next_attempt_at, sent_at, last_error
                  FROM expiry_notice WHERE login_id = ? ORDER BY queued_at DESC, id DESC""", List.of(id.value()),
                row -> new NoticeRecord(row.getString(1), row.getString(2), row.getString(3), row.getString(4),
                        row.getInt(5), SqlReads.instant(row, 6), SqlReads.instant(row, 7), SqlReads.instant(row, 8),
                        row.getString(9))));
    }

    @Override
    public boolean markSent(long id, String claimant, Instant at) {
        return sql.write(connection -> SqlReads.update(connection, "UPDATE expiry_notice SET state = 'SENT', sent_at = ?,"
                + " attempts = attempts + 1, claimed_by = NULL, claimed_until = NULL"
                + " WHERE id = ? AND state = 'SENDING' AND claimed_by = ?", List.of(at, id, claimant)) == 1);
    }

    @Override
    public boolean markNotSent(long id, String claimant, int attempts, Optional<Instant> nextAttempt, String error) {
        String why = error == null ? "" : error.length() > MAX_ERROR ? error.substring(0, MAX_ERROR) : error;
        return sql.write(connection -> nextAttempt.isPresent()
                ? SqlReads.update(connection, "UPDATE expiry_notice SET state = 'QUEUED', attempts = ?, next_attempt_at = ?,"
                        + " last_error = ?, claimed_by = NULL, claimed_until = NULL"
                        + " WHERE id = ? AND state = 'SENDING' AND claimed_by = ?",
                        List.of(attempts, nextAttempt.get(), why, id, claimant)) == 1
                : SqlReads.update(connection, "UPDATE expiry_notice SET state = 'FAILED', attempts = ?,"
                        + " last_error = ?, claimed_by = NULL, claimed_until = NULL"
                        + " WHERE id = ? AND state = 'SENDING' AND claimed_by = ?",
                        List.of(attempts, why, id, claimant)) == 1);
    }
}
