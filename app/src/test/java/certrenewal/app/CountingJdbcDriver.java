package certrenewal.app;

import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.Driver;
import java.sql.DriverManager;
import java.sql.DriverPropertyInfo;
import java.sql.SQLException;
import java.sql.SQLFeatureNotSupportedException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.Set;
import java.util.logging.Logger;

/**
 * A JDBC driver for {@code jdbc:counting:<the real URL>} that hands out the real driver's connections and counts,
 * for the threads that asked for it, every statement they execute and every commit and rollback: the round trips a
 * use case makes to the database, a count that no load on the machine changes (unlike a time).
 */
public final class CountingJdbcDriver implements Driver {
    static final String PREFIX = "jdbc:counting:";
    private static final Set<String> EXECUTIONS = Set.of("execute", "executeQuery", "executeUpdate", "executeLargeUpdate",
            "executeBatch", "executeLargeBatch");
    private static final ThreadLocal<Counts> COUNTING = new ThreadLocal<>();

    static {
        try {
            DriverManager.registerDriver(new CountingJdbcDriver());
        } catch (SQLException e) {
            throw new ExceptionInInitializerError(e);
        }
    }

    /** What one thread sent to the database while counting. */
    public static final class Counts {
        private final List<String> statements = new ArrayList<>();
        private int commits;
        private int rollbacks;
        private int checks;

        /** Statements executed (a batch counts once: it is one round trip). */
        public int statements() {
            return statements.size();
        }

        public int commits() {
            return commits;
        }

        public int rollbacks() {
            return rollbacks;
        }

        /** Every round trip: statements, commits, rollbacks and the pool's checks that a connection is alive. */
        public int roundTrips() {
            return statements.size() + commits + rollbacks + checks;
        }

        /** The statements' SQL, in order, for the failure message. */
        public String describe() {
            return statements.size() + " statements, " + commits + " commits, " + rollbacks + " rollbacks, " + checks
                    + " connection checks:\n  " + String.join("\n  ", statements);
        }
    }

    /** Counts what the calling thread sends to the database while {@code work} runs. */
    public static Counts counting(Runnable work) {
        Counts counts = new Counts();
        COUNTING.set(counts);
        try {
            work.run();
        } finally {
            COUNTING.remove();
        }
        return counts;
    }

    @Override
    public Connection connect(String url, Properties info) throws SQLException {
        if (!acceptsURL(url)) {
            return null;
        }
        Connection real = DriverManager.getConnection("jdbc:" + url.substring(PREFIX.length()), info);
        return proxy(Connection.class, real, (method, args) -> {
            Counts counts = COUNTING.get();
            if (counts != null) {
                switch (method.getName()) {
                    case "commit" -> counts.commits++;
                    case "rollback" -> counts.rollbacks++;
                    case "isValid" -> counts.checks++;
                    default -> {
                    }
                }
            }
        }, (method, args, result) -> result instanceof Statement statement
                ? countingStatement(statement, method.getName().startsWith("prepare") && args != null ? (String) args[0] : null)
                : result);
    }

    private static Statement countingStatement(Statement real, String preparedSql) {
        Class<? extends Statement> type = real instanceof java.sql.CallableStatement ? java.sql.CallableStatement.class
                : real instanceof java.sql.PreparedStatement ? java.sql.PreparedStatement.class : Statement.class;
        return proxy(type, real, (method, args) -> {
            Counts counts = COUNTING.get();
            if (counts != null && EXECUTIONS.contains(method.getName())) {
                String sql = args != null && args.length > 0 && args[0] instanceof String text ? text : preparedSql;
                counts.statements.add(String.valueOf(sql).replaceAll("\\s+", " ").strip());
            }
        }, (method, args, result) -> result);
    }

    private interface Before {
        void call(Method method, Object[] args);
    }

    private interface After {
        Object wrap(Method method, Object[] args, Object result);
    }

    private static <T> T proxy(Class<T> type, Object real, Before before, After after) {
        InvocationHandler handler = (self, method, args) -> {
            if (method.getName().equals("unwrap") && args[0] instanceof Class<?> wanted && wanted.isInstance(self)) {
                return self;
            }
            before.call(method, args);
            try {
                return after.wrap(method, args, method.invoke(real, args));
            } catch (InvocationTargetException e) {
                throw e.getCause();
            }
        };
        return type.cast(Proxy.newProxyInstance(CountingJdbcDriver.class.getClassLoader(), new Class<?>[] {type}, handler));
    }

    @Override
    public boolean acceptsURL(String url) {
        return url != null && url.startsWith(PREFIX);
    }

    @Override
    public DriverPropertyInfo[] getPropertyInfo(String url, Properties info) {
        return new DriverPropertyInfo[0];
    }

    @Override
    public int getMajorVersion() {
        return 1;
    }

    @Override
    public int getMinorVersion() {
        return 0;
    }

    @Override
    public boolean jdbcCompliant() {
        return false;
    }

    @Override
    public Logger getParentLogger() throws SQLFeatureNotSupportedException {
        throw new SQLFeatureNotSupportedException();
    }
}
