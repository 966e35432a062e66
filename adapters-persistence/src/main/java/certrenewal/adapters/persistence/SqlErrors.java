package certrenewal.adapters.persistence;

import certrenewal.application.port.out.ConcurrentUpdateException;
import java.sql.SQLException;
import java.util.Set;

/** Recognises database errors by SQLSTATE, which PostgreSQL and H2 share for these cases. */
final class SqlErrors {
    private static final String UNIQUE_VIOLATION = "23505";
    /**
     * Serialization failure (H2 also reports a deadlock so) and PostgreSQL's deadlock: two
     * requests changed the same rows in different orders, and the database aborted one of them.
     */
    private static final Set<String> LOST_TO_CONCURRENT_TRANSACTION = Set.of("40001", "40P01");
    private static final int MAX_CAUSES = 20;

    private SqlErrors() {
    }

    /** Whether a primary key or unique constraint refused the statement, anywhere in the causes. */
    static boolean isUniqueViolation(Throwable error) {
        return sqlState(error).filter(UNIQUE_VIOLATION::equals).isPresent();
    }

    /**
     * The error as a {@link ConcurrentUpdateException} if the database aborted the statement
     * because of another transaction, else the error itself.
     */
    static RuntimeException translateConflict(RuntimeException error, String what) {
        if (sqlState(error).filter(LOST_TO_CONCURRENT_TRANSACTION::contains).isPresent()) {
            return new ConcurrentUpdateException(what + " collided with a concurrent transaction", error);
        }
        return error;
    }

    private static java.util.Optional<String> sqlState(Throwable error) {
        Throwable t = error;
        for (int depth = 0; t != null && depth < MAX_CAUSES; depth++, t = t.getCause()) {
            if (t instanceof SQLException sql && sql.getSQLState() != null) {
                return java.util.Optional.of(sql.getSQLState());
            }
        }
        return java.util.Optional.empty();
    }
}
