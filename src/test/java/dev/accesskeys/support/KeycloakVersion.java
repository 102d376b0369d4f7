package dev.accesskeys.support;

import java.io.IOException;
import java.io.InputStream;
import java.util.Properties;

/**
 * The Keycloak version the project runs on, as the tests read it: pom.xml's {@code keycloak.dist.version}, written into
 * the test resource {@code dev/accesskeys/support/keycloak-dist.properties} by Maven's resource filtering (not a
 * top-level {@code keycloak-version.properties}: that name is Keycloak's own, read by {@code org.keycloak.common.Version}).
 */
public final class KeycloakVersion {

    /** e.g. {@code 26.7.3} */
    public static final String DIST = read();

    private KeycloakVersion() {
    }

    private static String read() {
        try (InputStream in = KeycloakVersion.class.getResourceAsStream("keycloak-dist.properties")) {
            if (in == null) {
                throw new IllegalStateException("keycloak-dist.properties is missing: run the tests through Maven");
            }
            Properties properties = new Properties();
            properties.load(in);
            String version = properties.getProperty("keycloak.dist.version", "");
            if (!version.matches("\\d+\\.\\d+\\.\\d+.*")) {
                throw new IllegalStateException("keycloak-dist.properties was not filtered: '" + version + "'");
            }
            return version;
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
