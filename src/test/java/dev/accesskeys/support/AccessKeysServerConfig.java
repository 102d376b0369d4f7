package dev.accesskeys.support;

import java.nio.file.Path;

import org.keycloak.testframework.server.KeycloakServerConfig;
import org.keycloak.testframework.server.KeycloakServerConfigBuilder;

/**
 * The distribution server with this project's JAR in {@code providers/}, logging to
 * {@code target/keycloak-server.log} (the extension at debug) so tests can read what the server wrote.
 */
public class AccessKeysServerConfig implements KeycloakServerConfig {

    public static final Path SERVER_LOG = Path.of("target", "keycloak-server.log").toAbsolutePath();

    @Override
    public KeycloakServerConfigBuilder configure(KeycloakServerConfigBuilder config) {
        config.log().handlers(KeycloakServerConfigBuilder.LogHandlers.CONSOLE, KeycloakServerConfigBuilder.LogHandlers.FILE)
                .categoryLevel("dev.accesskeys", "debug")
                .categoryLevel("org.keycloak.events", "debug");
        return config.dependencyCurrentProject()
                .option("log-file", SERVER_LOG.toString());
    }
}
