package certrenewal.adapters.persistence;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.util.Optional;
import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ConditionEvaluationResult;
import org.junit.jupiter.api.extension.ExecutionCondition;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * Skips the PostgreSQL tests, each with the reason, when no server listens on 127.0.0.1; fails
 * them instead when the system property {@code postgres.required} is "true" (CI).
 *
 * <p>A condition rather than an assumption: an assumption must abort in {@code beforeAll}, before
 * {@code @MicronautTest} starts a context that cannot connect, and Surefire reports such a
 * class-level abort as "Tests run: 0" without the reason. A disabled class is reported as every
 * test skipped, with the message. The failure when required comes from {@code beforeAll}, so
 * this extension must be registered before {@code @MicronautTest}.
 */
final class PostgresAvailability implements ExecutionCondition, BeforeAllCallback {
    static final String HOST = "127.0.0.1";
    private static final int CONNECT_TIMEOUT_MILLIS = 3000;

    /** The port, 5432 unless the system property {@code postgres.test.port} says otherwise. */
    static int port() {
        return Integer.getInteger("postgres.test.port", 5432);
    }

    @Override
    public ConditionEvaluationResult evaluateExecutionCondition(ExtensionContext context) {
        Optional<String> why = unreachable(context);
        if (why.isEmpty() || required()) {
            return ConditionEvaluationResult.enabled("PostgreSQL is reachable or required");
        }
        return ConditionEvaluationResult.disabled(why.get() + "; skipping the PostgreSQL adapter tests"
                + " (set -Dpostgres.required=true to make this a failure)");
    }

    /** Reached only when the class is enabled: the server is reachable, or it is required. */
    @Override
    public void beforeAll(ExtensionContext context) {
        unreachable(context).ifPresent(why -> Assertions.fail(why
                + "; postgres.required=true, so the PostgreSQL adapter tests fail instead of being skipped"));
    }

    private static boolean required() {
        return Boolean.parseBoolean(System.getProperty("postgres.required"));
    }

    /** Checked once per run; the answer is kept in the root context. */
    @SuppressWarnings("unchecked")
    private static Optional<String> unreachable(ExtensionContext context) {
        return context.getRoot().getStore(ExtensionContext.Namespace.create(PostgresAvailability.class))
                .getOrComputeIfAbsent("unreachable", key -> probe(), Optional.class);
    }

    private static Optional<String> probe() {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress(HOST, port()), CONNECT_TIMEOUT_MILLIS);
            return Optional.empty();
        } catch (IOException e) {
            return Optional.of("PostgreSQL is not reachable at " + HOST + ":" + port() + " (" + e.getMessage() + ")");
        }
    }
}
