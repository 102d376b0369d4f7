package dev.accesskeys.support;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

/**
 * The Keycloak version is written once, in pom.xml ({@code keycloak.dist.version}); the places that cannot read it
 * must agree with it: docker/Dockerfile's {@code KEYCLOAK_VERSION} default, and scripts/keycloak-version.sh, which the
 * scripts use.
 */
class KeycloakVersionTest {

    private static final Path ROOT = Path.of("").toAbsolutePath();

    @Test
    void theDockerfileDefaultsToThePomsVersion() throws IOException {
        String dockerfile = Files.readString(ROOT.resolve("docker/Dockerfile"));
        Matcher arg = Pattern.compile("(?m)^ARG KEYCLOAK_VERSION=(\\S+)$").matcher(dockerfile);
        assertTrue(arg.find(), "docker/Dockerfile declares ARG KEYCLOAK_VERSION=<version>");
        assertEquals(KeycloakVersion.DIST, arg.group(1), "docker/Dockerfile's KEYCLOAK_VERSION default");
        assertTrue(Pattern.compile("(?m)^FROM \\S+:\\$\\{KEYCLOAK_VERSION}").matcher(dockerfile).find(),
                "docker/Dockerfile's images use ${KEYCLOAK_VERSION}");
    }

    @Test
    void theScriptsReadThePomsVersion() throws Exception {
        Process script = new ProcessBuilder("bash", ROOT.resolve("scripts/keycloak-version.sh").toString())
                .redirectErrorStream(true).start();
        String out = new String(script.getInputStream().readAllBytes(), StandardCharsets.UTF_8).trim();
        assertEquals(0, script.waitFor(), out);
        assertEquals(KeycloakVersion.DIST, out);
        for (String name : new String[] {"run-demo.sh", "benchmark.sh"}) {
            String text = Files.readString(ROOT.resolve("scripts").resolve(name));
            assertTrue(text.contains("KC_VERSION=$(scripts/keycloak-version.sh)"), name + " reads the version from pom.xml");
            assertTrue(!text.contains(KeycloakVersion.DIST), name + " writes no version of its own");
        }
    }
}
