package dev.accesskeys.support;

import java.nio.file.Path;
import java.util.Map;

import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.TestWatcher;

/**
 * Registered for every test (src/test/resources/META-INF/services, autodetection switched on by the failsafe configuration in pom.xml):
 * when a test fails, prints to the test's output the last lines each server log got while that test ran, so a
 * failure in the quiet test output comes with the server's side of it. The full logs stay under {@code target/}.
 */
public final class ServerLogOnFailure implements BeforeEachCallback, TestWatcher {

    private static final ExtensionContext.Namespace NS = ExtensionContext.Namespace.create(ServerLogOnFailure.class);

    @Override
    public void beforeEach(ExtensionContext context) {
        context.getStore(NS).put("sizes", ServerLogs.sizes());
    }

    @Override
    @SuppressWarnings("unchecked")
    public void testFailed(ExtensionContext context, Throwable cause) {
        Map<Path, Long> from = context.getStore(NS).get("sizes", Map.class);
        String tails = ServerLogs.tailsSince(from == null ? Map.of() : from, ServerLogs.TAIL_LINES);
        System.out.println("FAILED " + context.getDisplayName() + " in " + context.getRequiredTestClass().getName()
                + ": " + cause);
        System.out.print(tails.isEmpty() ? "(no server log lines during this test)\n" : tails);
        System.out.flush();
    }
}
