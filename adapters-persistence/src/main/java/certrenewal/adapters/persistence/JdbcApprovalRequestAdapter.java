package certrenewal.adapters.persistence;

import certrenewal.application.port.out.ApprovalRequestPort;
import certrenewal.domain.administration.ApprovalRequest;
import certrenewal.domain.administration.DualControlAction;
import io.micronaut.transaction.TransactionOperations;
import jakarta.inject.Singleton;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * The dual-control requests as rows of {@code approval_request} (V14). A decision is one conditional UPDATE on the
 * stored state; the command is kept as URL-encoded {@code name=value} pairs.
 */
@Singleton
public class JdbcApprovalRequestAdapter implements ApprovalRequestPort {
    private static final String COLUMNS = "id, action, target, command, requester, reason, requested_at, deadline, state,"
            + " decided_by, decided_at, outcome";
    private final SqlReads sql;

    JdbcApprovalRequestAdapter(TransactionOperations<Connection> transactions) {
        this.sql = new SqlReads(transactions);
    }

    @Override
    public ApprovalRequest insertRequest(ApprovalRequest request) {
        if (request.state() != ApprovalRequest.State.PENDING) {
            throw new IllegalArgumentException("only a pending request is inserted");
        }
        long id = sql.write(connection -> {
            try (PreparedStatement insert = connection.prepareStatement("""
                    INSERT INTO approval_request (action, target, command, requester, reason, requested_at, deadline, state)
                    VALUES (?, ?, ?, ?, ?, ?, ?, 'PENDING')""", new String[] {"id"})) {
                SqlReads.bind(insert, List.of(request.action().name(), request.target(), encode(request.command()),
                        request.requester(), request.reason(), request.requestedAt(), request.deadline()));
                insert.executeUpdate();
                try (ResultSet keys = insert.getGeneratedKeys()) {
                    keys.next();
                    return keys.getLong(1);
                }
            }
        });
        return new ApprovalRequest(id, request.action(), request.target(), request.command(), request.requester(),
                request.reason(), request.requestedAt(), request.deadline(), request.state(), null, null, null);
    }

    @Override
    public Optional<ApprovalRequest> loadRequest(long id) {
        return sql.read(connection -> SqlReads.first(connection,
                "SELECT " + COLUMNS + " FROM approval_request WHERE id = ?", List.of(id), JdbcApprovalRequestAdapter::row));
    }

    @Override
    public boolean updateRequest(ApprovalRequest next, ApprovalRequest.State expected) {
        // an expired request has no decider; a decided one no outcome unless it failed or was rejected
        List<Object> parameters = new ArrayList<>(List.of(next.state().name()));
        String decidedBy = next.decidedBy() == null ? "NULL" : "?";
        if (next.decidedBy() != null) {
            parameters.add(next.decidedBy());
        }
        parameters.add(next.decidedAt());
        String outcome = next.outcome() == null ? "NULL" : "?";
        if (next.outcome() != null) {
            parameters.add(next.outcome());
        }
        parameters.addAll(List.of(next.id(), expected.name()));
        return sql.write(connection -> SqlReads.update(connection, "UPDATE approval_request SET state = ?, decided_by = "
                + decidedBy + ", decided_at = ?, outcome = " + outcome + " WHERE id = ? AND state = ?", parameters) == 1);
    }

    @Override
    public List<ApprovalRequest> pendingRequests(int limit) {
        return sql.read(connection -> SqlReads.list(connection, "SELECT " + COLUMNS
                + " FROM approval_request WHERE state = 'PENDING' ORDER BY requested_at, id LIMIT ?", List.of(limit),
                JdbcApprovalRequestAdapter::row));
    }

    @Override
    public List<ApprovalRequest> requestsBy(String requester, int limit) {
        return sql.read(connection -> SqlReads.list(connection, "SELECT " + COLUMNS
                + " FROM approval_request WHERE requester = ? ORDER BY requested_at DESC, id DESC LIMIT ?",
                List.of(requester, limit), JdbcApprovalRequestAdapter::row));
    }

    private static ApprovalRequest row(ResultSet row) throws SQLException {
        return new ApprovalRequest(row.getLong(1), DualControlAction.valueOf(row.getString(2)), row.getString(3),
                decode(row.getString(4)), row.getString(5), row.getString(6), SqlReads.instant(row, 7),
                SqlReads.instant(row, 8), ApprovalRequest.State.valueOf(row.getString(9)), row.getString(10),
                SqlReads.instant(row, 11), row.getString(12));
    }

    static String encode(Map<String, String> command) {
        StringBuilder text = new StringBuilder();
        new TreeMap<>(command).forEach((name, value) -> text.append(text.isEmpty() ? "" : "&")
                .append(URLEncoder.encode(name, StandardCharsets.UTF_8)).append('=')
                .append(URLEncoder.encode(value, StandardCharsets.UTF_8)));
        return text.toString();
    }

    static Map<String, String> decode(String text) {
        Map<String, String> command = new HashMap<>();
        if (!text.isEmpty()) {
            for (String pair : text.split("&")) {
                int equals = pair.indexOf('=');
                command.put(URLDecoder.decode(pair.substring(0, equals), StandardCharsets.UTF_8),
                        URLDecoder.decode(pair.substring(equals + 1), StandardCharsets.UTF_8));
            }
        }
        return command;
    }
}
