package dev.accesskeys.support;

import java.nio.file.Path;

import org.keycloak.testframework.server.KeycloakServerConfig;
import org.keycloak.testframework.server.KeycloakServerConfigBuilder;

/**
 * The distribution server with this project's JAR in {@code providers/}, logging to
 * {@code target/keycloak-server.log} (the extension at debug) so tests can read what the server wrote.
 * <p>
 * The log goes to that file only. The console handler stays at level INFO because the test framework learns that
 * the server started from the "started in" line on the process's stdout; it reads that stream, and
 * {@code keycloak-test.properties} keeps it out of the test output (warnings and errors go to
 * {@code target/test-framework.log}). {@link ServerLogOnFailure} prints the tail of this file when a test fails.
 */
public class AccessKeysServerConfig implements KeycloakServerConfig {

    public static final Path SERVER_LOG = Path.of("target", "keycloak-server.log").toAbsolutePath();

    @Override
    public KeycloakServerConfigBuilder configure(KeycloakServerConfigBuilder config) {
        ServerLogs.register(SERVER_LOG);
        config.log().handlers(KeycloakServerConfigBuilder.LogHandlers.CONSOLE, KeycloakServerConfigBuilder.LogHandlers.FILE)
                .handlerLevel(KeycloakServerConfigBuilder.LogHandlers.CONSOLE, "info")
                .categoryLevel("dev.accesskeys", "debug")
                .categoryLevel("org.keycloak.events", "debug");
        return config.dependencyCurrentProject()
                .option("log-file", SERVER_LOG.toString())
                // a newest-first search looks at this many newest keys before it asks the indexes for every match
                // (default 5 000): small, so the suite's searches take both paths (SearchIT checks pages of each)
                .option("spi-access-keys-store--jpa--search-recent-window", "8");
    }
}
