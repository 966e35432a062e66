package certrenewal.adapters.persistence;

import certrenewal.application.readmodel.LoginIdSummary;
import certrenewal.application.readmodel.CertificateSummary;
import certrenewal.application.readmodel.CertificateSearch;
import certrenewal.application.readmodel.CertificateSearch.SortField;
import certrenewal.application.readmodel.ContractDetails;
import certrenewal.application.readmodel.DashboardFigures;
import certrenewal.application.readmodel.DashboardFigures.DayNotices;
import certrenewal.application.readmodel.DashboardFigures.DayRenewals;
import certrenewal.application.readmodel.DashboardFigures.WeekCount;
import certrenewal.application.readmodel.LoginIdDetails;
import certrenewal.application.readmodel.RenewalAttempt;
import certrenewal.application.readmodel.SearchPage;
import certrenewal.application.port.out.ConsoleQueryPort;
import certrenewal.application.port.out.ExpiringCertificatesPort;
import certrenewal.application.readmodel.ExpiringCertificate;
import certrenewal.domain.account.AccountStatus;
import certrenewal.domain.account.Contract;
import certrenewal.domain.account.ContractNumber;
import certrenewal.domain.account.IdKind;
import certrenewal.domain.account.LoginId;
import certrenewal.domain.certificate.CertificateStatus;
import certrenewal.domain.certificate.RevocationReason;
import certrenewal.domain.certificate.SerialNumber;
import certrenewal.domain.renewal.Renewal;
import io.micronaut.context.annotation.Value;
import io.micronaut.transaction.TransactionOperations;
import jakarta.inject.Singleton;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The console's and the administration screens' read queries, computed by the database:
 * counts with {@code GROUP BY} and {@code SUM(CASE ...)}, pages with {@code LIMIT}/{@code OFFSET},
 * order by a column chosen from a fixed list. User input only ever travels as parameters.
 *
 * <p>EXPIRED is never stored: a stored ACTIVE certificate is EXPIRED when {@code not_after <= now}
 * (as {@code Certificate.statusAt}); ACTIVE means stored ACTIVE and {@code not_after > now}.
 *
 * <p>Days and weeks: the boundaries (the start of each day in the zone) are computed here and
 * passed as parameters, and the database counts the rows between them. That needs no date
 * function (H2's and PostgreSQL's differ, and would follow the session's time zone) and stays
 * right across daylight-saving changes.
 *
 * <p>{@link CertificateSearch}'s expiry dates carry no zone; they are days in
 * {@code certrenewal.administration.zone} (default Asia/Tokyo), {@code expiryFrom} and
 * {@code expiryTo} both included.
 */
@Singleton
public class JdbcConsoleQueryAdapter implements ConsoleQueryPort, ExpiringCertificatesPort {
    static final int WEEKS = 16;
    static final int DAYS = 30;
    static final int NOTICE_DAYS = 7;

    private static final String CERTIFICATE_ROWS = """
            SELECT c.serial, c.login_id, a.contract_number, k.name, c.status, c.not_before, c.not_after,
                   c.revoked_at, c.revocation_reason
              FROM certificate c
              JOIN login_account a ON a.login_id = c.login_id
              JOIN contract k ON k.number = a.contract_number""";

    /** Parameters: now (for the pending grant), then the WHERE clause's. */
    private static final String LOGIN_ID_SUMMARIES = """
            SELECT a.login_id, a.kind, a.status, a.failed_password_attempts,
                   c.serial, c.status, c.not_after, g.login_id, a.contract_number, k.name
              FROM login_account a
              JOIN contract k ON k.number = a.contract_number
              LEFT JOIN certificate c ON c.serial = a.current_certificate_serial
              LEFT JOIN issuance_grant g ON g.login_id = a.login_id AND g.deadline > ?""";

    private final SqlReads sql;
    private final RenewalRepository renewals;
    private final ZoneId searchZone;

    JdbcConsoleQueryAdapter(TransactionOperations<Connection> transactions, RenewalRepository renewals,
                            @Value("${certrenewal.administration.zone:Asia/Tokyo}") String searchZone) {
        this.sql = new SqlReads(transactions);
        this.renewals = renewals;
        this.searchZone = ZoneId.of(searchZone);
    }

    // --- dashboard ---

    @Override
    public DashboardFigures dashboard(Instant now, ZoneId zone) {
        LocalDate today = now.atZone(zone).toLocalDate();
        LocalDate firstWeek = today.with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
        LocalDate firstDay = today.minusDays(DAYS - 1);
        return sql.read(connection -> new DashboardFigures(
                certificatesByStatus(connection, now),
                expiringPerWeek(connection, now, firstWeek, zone),
                renewalsPerDay(connection, firstDay, zone),
                noticesPerDay(connection, today.minusDays(NOTICE_DAYS - 1), zone), now));
    }

    private static Map<CertificateStatus, Long> certificatesByStatus(Connection connection, Instant now)
            throws SQLException {
        Map<CertificateStatus, Long> counts = new EnumMap<>(CertificateStatus.class);
        for (CertificateStatus status : CertificateStatus.values()) {
            counts.put(status, 0L);
        }
        SqlReads.list(connection, """
                SELECT status, COUNT(*), SUM(CASE WHEN not_after <= ? THEN 1 ELSE 0 END)
                  FROM certificate
                 GROUP BY status""", List.of(now), row -> {
            CertificateStatus stored = CertificateStatus.valueOf(row.getString(1));
            long all = row.getLong(2);
            long expired = row.getLong(3);
            if (stored == CertificateStatus.ACTIVE) {
                counts.merge(CertificateStatus.ACTIVE, all - expired, Long::sum);
                counts.merge(CertificateStatus.EXPIRED, expired, Long::sum);
            } else {
                counts.merge(stored, all, Long::sum);
            }
            return null;
        });
        return Map.copyOf(counts);
    }

    /** One row: a SUM per week over the ACTIVE certificates that expire from now to the end of the last week. */
    private static List<WeekCount> expiringPerWeek(Connection connection, Instant now, LocalDate firstWeek, ZoneId zone)
            throws SQLException {
        List<Instant> bounds = new ArrayList<>();
        for (int week = 0; week <= WEEKS; week++) {
            bounds.add(firstWeek.plusWeeks(week).atStartOfDay(zone).toInstant());
        }
        StringBuilder query = new StringBuilder("SELECT ");
        List<Object> parameters = new ArrayList<>();
        for (int week = 0; week < WEEKS; week++) {
            query.append(week == 0 ? "" : ", ").append("SUM(CASE WHEN not_after >= ? AND not_after < ? THEN 1 ELSE 0 END)");
            parameters.add(bounds.get(week));
            parameters.add(bounds.get(week + 1));
        }
        query.append(" FROM certificate WHERE status = 'ACTIVE' AND not_after > ? AND not_after >= ? AND not_after < ?");
        parameters.add(now);
        parameters.add(bounds.get(0));
        parameters.add(bounds.get(WEEKS));
        long[] counts = SqlReads.first(connection, query.toString(), parameters, row -> {
            long[] perWeek = new long[WEEKS];
            for (int week = 0; week < WEEKS; week++) {
                perWeek[week] = row.getLong(week + 1); // SUM over no rows is NULL, read as 0
            }
            return perWeek;
        }).orElseThrow();
        List<WeekCount> weeks = new ArrayList<>(WEEKS);
        for (int week = 0; week < WEEKS; week++) {
            weeks.add(new WeekCount(firstWeek.plusWeeks(week), counts[week]));
        }
        return List.copyOf(weeks);
    }

    /**
     * One pass per measure over the 30-day window (each through its own index), every row given
     * the number of its day by a CASE over the day boundaries, counted per measure and day.
     */
    private static List<DayRenewals> renewalsPerDay(Connection connection, LocalDate firstDay, ZoneId zone)
            throws SQLException {
        List<Instant> bounds = dayBounds(firstDay, DAYS, zone);
        List<Object> parameters = new ArrayList<>();
        String query = "SELECT kind, day_number, COUNT(*) FROM ("
                + measure("renewal", "0", "started_at", "", bounds, parameters)
                + " UNION ALL " + measure("renewal", "1", "issued_at", "state IN ('ISSUED', 'CONFIRMED') AND ", bounds, parameters)
                + " UNION ALL " + measure("renewal", "CASE WHEN state = 'ABANDONED' THEN 2 ELSE 3 END", "ended_at",
                        "state IN ('ABANDONED', 'FAILED') AND ", bounds, parameters)
                + ") measured GROUP BY kind, day_number";
        long[][] counts = countsPerKindAndDay(connection, query, parameters, 4, DAYS);
        List<DayRenewals> days = new ArrayList<>(DAYS);
        for (int day = 0; day < DAYS; day++) {
            days.add(new DayRenewals(firstDay.plusDays(day), counts[0][day], counts[1][day], counts[2][day],
                    counts[3][day]));
        }
        return List.copyOf(days);
    }

    /**
     * The notice queue's last days: one pass per measure (queued by queued_at, sent by sent_at, given up by the due
     * time of the last attempt, which a FAILED row keeps in next_attempt_at), counted per measure and day.
     */
    private static List<DayNotices> noticesPerDay(Connection connection, LocalDate firstDay, ZoneId zone)
            throws SQLException {
        List<Instant> bounds = dayBounds(firstDay, NOTICE_DAYS, zone);
        List<Object> parameters = new ArrayList<>();
        String query = "SELECT kind, day_number, COUNT(*) FROM ("
                + measure("expiry_notice", "0", "queued_at", "", bounds, parameters)
                + " UNION ALL " + measure("expiry_notice", "1", "sent_at", "state = 'SENT' AND ", bounds, parameters)
                + " UNION ALL " + measure("expiry_notice", "2", "next_attempt_at", "state = 'FAILED' AND ", bounds, parameters)
                + ") measured GROUP BY kind, day_number";
        long[][] counts = countsPerKindAndDay(connection, query, parameters, 3, NOTICE_DAYS);
        List<DayNotices> days = new ArrayList<>(NOTICE_DAYS);
        for (int day = 0; day < NOTICE_DAYS; day++) {
            days.add(new DayNotices(firstDay.plusDays(day), counts[0][day], counts[1][day], counts[2][day]));
        }
        return List.copyOf(days);
    }

    /** The starts of {@code days} days from {@code firstDay} in {@code zone}, and the end of the last. */
    private static List<Instant> dayBounds(LocalDate firstDay, int days, ZoneId zone) {
        List<Instant> bounds = new ArrayList<>(days + 1);
        for (int day = 0; day <= days; day++) {
            bounds.add(firstDay.plusDays(day).atStartOfDay(zone).toInstant());
        }
        return bounds;
    }

    /** A query's rows {@code (kind, day number, count)} as counts[kind][day]. */
    private static long[][] countsPerKindAndDay(Connection connection, String query, List<Object> parameters, int kinds,
                                                int days) throws SQLException {
        long[][] counts = new long[kinds][days];
        SqlReads.list(connection, query, parameters, row -> {
            counts[row.getInt(1)][row.getInt(2)] = row.getLong(3);
            return null;
        });
        return counts;
    }

    /**
     * {@code SELECT kind, day number FROM table} for the rows whose {@code column} falls in the
     * window of {@code bounds}; the day number is {@code CASE WHEN column < start of day 1 THEN 0 ... ELSE last END}.
     * Adds its parameters in the order of its placeholders.
     */
    private static String measure(String table, String kind, String column, String condition, List<Instant> bounds,
                                  List<Object> parameters) {
        int days = bounds.size() - 1;
        StringBuilder select = new StringBuilder("SELECT ").append(kind).append(" AS kind, CASE");
        for (int day = 1; day < days; day++) {
            select.append(" WHEN ").append(column).append(" < ? THEN ").append(day - 1);
            parameters.add(bounds.get(day));
        }
        select.append(" ELSE ").append(days - 1).append(" END AS day_number FROM ").append(table).append(" WHERE ")
                .append(condition).append(column).append(" >= ? AND ").append(column).append(" < ?");
        parameters.add(bounds.get(0));
        parameters.add(bounds.get(days));
        return select.toString();
    }

    // --- inventory ---

    /**
     * Through the index on certificate (status, not_after); the last notice of each certificate by a window function
     * over its rows of the notice queue (a handful each).
     */
    @Override
    public List<ExpiringCertificate> expiringBetween(Instant now, Instant until, int limit) {
        return sql.read(connection -> SqlReads.list(connection, """
                SELECT k.number, k.name, a.login_id, a.kind, c.serial, c.not_after, n.notice, n.state
                  FROM certificate c
                  JOIN login_account a ON a.login_id = c.login_id
                  JOIN contract k ON k.number = a.contract_number
                  LEFT JOIN (SELECT certificate_serial, notice, state,
                                    ROW_NUMBER() OVER (PARTITION BY certificate_serial ORDER BY queued_at DESC, id DESC) AS rn
                               FROM expiry_notice WHERE certificate_serial IS NOT NULL) n
                         ON n.certificate_serial = c.serial AND n.rn = 1
                 WHERE c.status = 'ACTIVE' AND c.not_after > ? AND c.not_after <= ?
                 ORDER BY k.number, c.not_after, a.login_id, c.serial
                 LIMIT ?""", List.of(now, until, limit),
                row -> new ExpiringCertificate(new ContractNumber(row.getString(1)), row.getString(2),
                        new LoginId(row.getString(3)), IdKind.valueOf(row.getString(4)), SerialNumber.ofHex(row.getString(5)),
                        SqlReads.instant(row, 6), row.getString(7), row.getString(8))));
    }

    // --- search ---

    @Override
    public SearchPage<CertificateSummary> search(CertificateSearch search, Instant now) {
        StringBuilder where = new StringBuilder(" WHERE 1 = 1");
        List<Object> parameters = new ArrayList<>();
        if (search.contractNumber() != null) {
            where.append(" AND a.contract_number = ?");
            parameters.add(search.contractNumber());
        }
        if (search.loginIdPrefix() != null) {
            where.append(" AND c.login_id LIKE ? ESCAPE '!'");
            parameters.add(SqlReads.startsWith(search.loginIdPrefix()));
        }
        if (search.serialHex() != null) {
            Optional<SerialNumber> serial = parseSerial(search.serialHex());
            if (serial.isEmpty()) {
                return new SearchPage<>(List.of(), search.page(), search.pageSize(), 0); // no serial looks like that
            }
            where.append(" AND c.serial = ?");
            parameters.add(serial.get().hex());
        }
        if (search.status() != null) {
            switch (search.status()) {
                case ACTIVE -> {
                    where.append(" AND c.status = 'ACTIVE' AND c.not_after > ?");
                    parameters.add(now);
                }
                case EXPIRED -> {
                    where.append(" AND c.status = 'ACTIVE' AND c.not_after <= ?");
                    parameters.add(now);
                }
                case SUPERSEDED -> where.append(" AND c.status = 'SUPERSEDED'");
                case REVOKED -> where.append(" AND c.status = 'REVOKED'");
            }
        }
        if (search.expiryFrom() != null) {
            where.append(" AND c.not_after >= ?");
            parameters.add(search.expiryFrom().atStartOfDay(searchZone).toInstant());
        }
        if (search.expiryTo() != null) {
            where.append(" AND c.not_after < ?");
            parameters.add(search.expiryTo().plusDays(1).atStartOfDay(searchZone).toInstant());
        }
        // Every certificate has its login ID and that its contract (foreign keys): counting needs
        // the join only to filter by contract.
        String count = "SELECT COUNT(*) FROM certificate c"
                + (search.contractNumber() != null ? " JOIN login_account a ON a.login_id = c.login_id" : "")
                + where;
        String page = CERTIFICATE_ROWS + where + " ORDER BY " + orderBy(search.sort(), search.descending())
                + " LIMIT ? OFFSET ?";
        List<Object> pageParameters = new ArrayList<>(parameters);
        pageParameters.add(search.pageSize());
        pageParameters.add((long) search.page() * search.pageSize());
        return sql.read(connection -> {
            long total = SqlReads.count(connection, count, parameters);
            List<CertificateSummary> rows = SqlReads.list(connection, page, pageParameters, row -> certificateRow(row, now));
            return new SearchPage<>(rows, search.page(), search.pageSize(), total);
        });
    }

    /**
     * The ORDER BY clause, from fixed text only. The serial breaks ties, so that pages neither
     * overlap nor skip rows; descending is the exact reverse of ascending.
     *
     * <p>STATUS sorts by status as shown, ascending ACTIVE, EXPIRED, REVOKED, SUPERSEDED: that is
     * the stored status and, within it, notAfter descending, since an ACTIVE certificate is EXPIRED
     * exactly when its notAfter is past. Both come from the (status, not_after DESC, serial DESC)
     * index, with no need for {@code now}.
     */
    private static String orderBy(SortField sort, boolean descending) {
        String up = descending ? " DESC" : " ASC";
        String down = descending ? " ASC" : " DESC";
        return switch (sort) {
            case NOT_AFTER -> "c.not_after" + up + ", c.serial" + up;
            case NOT_BEFORE -> "c.not_before" + up + ", c.serial" + up;
            case LOGIN_ID -> "c.login_id" + up + ", c.serial" + up;
            case CONTRACT_NUMBER -> "a.contract_number" + up + ", c.serial" + up;
            case SERIAL -> "c.serial" + up;
            case STATUS -> "c.status" + up + ", c.not_after" + down + ", c.serial" + down;
        };
    }

    private static Optional<SerialNumber> parseSerial(String hex) {
        try {
            return Optional.of(SerialNumber.ofHex(hex));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    // --- login IDs and contracts ---

    @Override
    public List<LoginIdSummary> loginIdsOf(ContractNumber contract, Instant now) {
        return sql.read(connection -> loginIdsOf(connection, contract, now));
    }

    private static List<LoginIdSummary> loginIdsOf(Connection connection, ContractNumber contract, Instant now)
            throws SQLException {
        return SqlReads.list(connection, LOGIN_ID_SUMMARIES + " WHERE a.contract_number = ? ORDER BY a.login_id",
                List.of(now, contract.value()), row -> loginIdSummary(row, now));
    }

    @Override
    public Optional<LoginIdDetails> loginIdDetails(LoginId loginId, Instant now) {
        return sql.read(connection -> {
            record Found(LoginIdSummary summary, String contract, String contractName) {
            }
            Optional<Found> found = SqlReads.first(connection, LOGIN_ID_SUMMARIES + " WHERE a.login_id = ?",
                    List.of(now, loginId.value()),
                    row -> new Found(loginIdSummary(row, now), row.getString(9), row.getString(10)));
            if (found.isEmpty()) {
                return Optional.empty();
            }
            List<CertificateSummary> certificates = SqlReads.list(connection,
                    CERTIFICATE_ROWS + " WHERE c.login_id = ? ORDER BY c.not_before DESC, c.serial DESC",
                    List.of(loginId.value()), row -> certificateRow(row, now));
            List<RenewalAttempt> attempts = renewals.findByLoginIdNewestFirst(loginId.value()).stream()
                    .map(PersistenceMapper::toRenewal)
                    .map(JdbcConsoleQueryAdapter::attempt)
                    .toList();
            return Optional.of(new LoginIdDetails(found.get().summary(), new ContractNumber(found.get().contract()),
                    found.get().contractName(), certificates, attempts));
        });
    }

    @Override
    public Optional<ContractDetails> contractDetails(ContractNumber contract, Instant now) {
        return sql.read(connection -> {
            Optional<Contract> found = SqlReads.first(connection, "SELECT number, name FROM contract WHERE number = ?",
                    List.of(contract.value()), row -> new Contract(new ContractNumber(row.getString(1)), row.getString(2)));
            if (found.isEmpty()) {
                return Optional.empty();
            }
            return Optional.of(new ContractDetails(found.get(), loginIdsOf(connection, contract, now)));
        });
    }

    @Override
    public Optional<LoginId> ownerOf(SerialNumber serial) {
        return sql.read(connection -> SqlReads.first(connection, "SELECT login_id FROM certificate WHERE serial = ?",
                List.of(serial.hex()), row -> new LoginId(row.getString(1))));
    }

    // --- rows ---

    private static CertificateSummary certificateRow(ResultSet row, Instant now) throws SQLException {
        Instant notAfter = SqlReads.instant(row, 7);
        String reason = row.getString(9);
        return new CertificateSummary(SerialNumber.ofHex(row.getString(1)), new LoginId(row.getString(2)),
                new ContractNumber(row.getString(3)), row.getString(4),
                statusAt(row.getString(5), notAfter, now), SqlReads.instant(row, 6), notAfter,
                SqlReads.instant(row, 8), reason == null ? null : RevocationReason.valueOf(reason));
    }

    /** Reads the columns of {@link #LOGIN_ID_SUMMARIES} 1 to 8. */
    private static LoginIdSummary loginIdSummary(ResultSet row, Instant now) throws SQLException {
        String serial = row.getString(5);
        Instant notAfter = SqlReads.instant(row, 7);
        return new LoginIdSummary(new LoginId(row.getString(1)), IdKind.valueOf(row.getString(2)),
                AccountStatus.valueOf(row.getString(3)), row.getInt(4),
                PersistenceMapper.serialOrNull(serial),
                serial == null ? null : statusAt(row.getString(6), notAfter, now),
                notAfter, row.getString(8) != null);
    }

    /** As {@code Certificate.statusAt}: a stored ACTIVE certificate has expired at its notAfter. */
    private static CertificateStatus statusAt(String stored, Instant notAfter, Instant now) {
        CertificateStatus status = CertificateStatus.valueOf(stored);
        return status == CertificateStatus.ACTIVE && !now.isBefore(notAfter) ? CertificateStatus.EXPIRED : status;
    }

    /**
     * An issued or confirmed renewal ended when its certificate was issued (the day the dashboard
     * counts it as completed); an abandoned or failed one when it stopped; an open one has not.
     */
    private static RenewalAttempt attempt(Renewal renewal) {
        return switch (renewal) {
            case Renewal.Started started -> new RenewalAttempt(started.id(), started.state(), started.startedAt(),
                    null, started.oldSerial(), null, null);
            case Renewal.AwaitingKey awaiting -> new RenewalAttempt(awaiting.id(), awaiting.state(),
                    awaiting.startedAt(), null, awaiting.oldSerial(), null, null);
            case Renewal.Issued issued -> new RenewalAttempt(issued.id(), issued.state(), issued.startedAt(),
                    issued.issuedAt(), issued.oldSerial(), issued.newSerial(), null);
            case Renewal.Confirmed confirmed -> new RenewalAttempt(confirmed.id(), confirmed.state(),
                    confirmed.startedAt(), confirmed.issuedAt(), confirmed.oldSerial(), confirmed.newSerial(), null);
            case Renewal.Abandoned abandoned -> new RenewalAttempt(abandoned.id(), abandoned.state(),
                    abandoned.startedAt(), abandoned.endedAt(), abandoned.oldSerial(), null, abandoned.reason());
            case Renewal.Failed failed -> new RenewalAttempt(failed.id(), failed.state(), failed.startedAt(),
                    failed.endedAt(), failed.oldSerial(), null, failed.reason().message());
        };
    }
}
