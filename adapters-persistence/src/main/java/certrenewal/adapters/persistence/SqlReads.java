package certrenewal.adapters.persistence;

import io.micronaut.data.exceptions.DataAccessException;
import io.micronaut.transaction.TransactionOperations;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Hand-written read queries whose SQL depends on the criteria (the console's filters, paging and
 * sort order), which Micronaut Data's compile-time queries cannot express, and the notice queue's
 * few statements ({@link #write}: an insert that may conflict, conditional claims). The SQL text is built
 * only from fixed fragments in this package; every value, user input above all, is a {@code ?}
 * parameter. Instants are bound as UTC {@link OffsetDateTime}s truncated to the microsecond,
 * which both drivers map to {@code TIMESTAMP WITH TIME ZONE} exactly.
 */
final class SqlReads {
    private final TransactionOperations<Connection> transactions;

    SqlReads(TransactionOperations<Connection> transactions) {
        this.transactions = transactions;
    }

    @FunctionalInterface
    interface Work<T> {
        T run(Connection connection) throws SQLException;
    }

    @FunctionalInterface
    interface RowReader<T> {
        T read(ResultSet row) throws SQLException;
    }

    /** Runs {@code work} in a read-only transaction, or in the caller's if there is one. */
    <T> T read(Work<T> work) {
        return transactions.executeRead(status -> run(work, status.getConnection()));
    }

    /** Runs {@code work} in a transaction of its own, or in the caller's if there is one. */
    <T> T write(Work<T> work) {
        return transactions.executeWrite(status -> run(work, status.getConnection()));
    }

    private static <T> T run(Work<T> work, Connection connection) {
        try {
            return work.run(connection);
        } catch (SQLException e) {
            throw new DataAccessException("query failed: " + e.getMessage(), e);
        }
    }

    static <T> List<T> list(Connection connection, String sql, List<?> parameters, RowReader<T> reader)
            throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(sql)) {
            bind(statement, parameters);
            try (ResultSet rows = statement.executeQuery()) {
                List<T> result = new ArrayList<>();
                while (rows.next()) {
                    result.add(reader.read(rows));
                }
                return result;
            }
        }
    }

    /** Runs an INSERT, UPDATE or DELETE; returns the rows it changed. */
    static int update(Connection connection, String sql, List<?> parameters) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(sql)) {
            bind(statement, parameters);
            return statement.executeUpdate();
        }
    }

    static <T> Optional<T> first(Connection connection, String sql, List<?> parameters, RowReader<T> reader)
            throws SQLException {
        List<T> rows = list(connection, sql, parameters, reader);
        return rows.isEmpty() ? Optional.empty() : Optional.of(rows.get(0));
    }

    static long count(Connection connection, String sql, List<?> parameters) throws SQLException {
        return first(connection, sql, parameters, row -> row.getLong(1)).orElse(0L);
    }

    static Instant instant(ResultSet row, int column) throws SQLException {
        OffsetDateTime value = row.getObject(column, OffsetDateTime.class);
        return value == null ? null : value.toInstant();
    }

    /** A LIKE pattern for values starting with {@code prefix}; goes with {@code ESCAPE '!'}. */
    static String startsWith(String prefix) {
        return prefix.replace("!", "!!").replace("%", "!%").replace("_", "!_") + "%";
    }

    static void bind(PreparedStatement statement, List<?> parameters) throws SQLException {
        for (int i = 0; i < parameters.size(); i++) {
            Object value = parameters.get(i);
            int index = i + 1;
            switch (value) {
                case Instant instant -> statement.setObject(index,
                        OffsetDateTime.ofInstant(PersistenceMapper.stored(instant), ZoneOffset.UTC));
                case String text -> statement.setString(index, text);
                case Integer number -> statement.setInt(index, number);
                case Long number -> statement.setLong(index, number);
                case byte[] bytes -> statement.setBytes(index, bytes);
                case null -> throw new IllegalArgumentException("parameter " + index + " is null");
                default -> throw new IllegalArgumentException("unsupported parameter type " + value.getClass());
            }
        }
    }
}
