package dev.accesskeys.cluster;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.stream.Stream;

import dev.accesskeys.support.KeycloakVersion;

/**
 * A Keycloak distribution directory (version {@link KeycloakVersion#DIST}) under {@code target/cluster/} with one extension JAR in {@code providers/},
 * made ready for {@code kc.sh start --optimized} by {@code kc.sh build} — the steps of {@code docker/Dockerfile}.
 * The zip is unpacked once; a directory whose marker names the same JAR (SHA-256) and build options is reused.
 */
final class KeycloakInstall {

    static final Path WORK = Path.of(System.getProperty("cluster.work", "target/cluster")).toAbsolutePath();
    static final Path PROJECT_JAR = Path.of(System.getProperty("cluster.jar", "target/keycloak-access-keys.jar")).toAbsolutePath();
    private static final Path ZIP = Path.of(System.getProperty("cluster.dist.zip",
            WORK.resolve("keycloak-quarkus-dist-" + KeycloakVersion.DIST + ".zip").toString())).toAbsolutePath();
    private static final Path PRISTINE = WORK.resolve("dist").resolve("keycloak-" + KeycloakVersion.DIST);

    /** As docker/Dockerfile: PostgreSQL and health are build options; the cache stays Keycloak's default (ispn). */
    static final List<String> BUILD_OPTIONS = List.of("--db=postgres", "--health-enabled=true");

    private static final String MARKER = ".access-keys-build";
    private static final String JAR_PREFIX = "keycloak-access-keys";

    private final Path home;

    private KeycloakInstall(Path home) {
        this.home = home;
    }

    Path home() {
        return home;
    }

    /** {@code target/cluster/<name>} with {@code jar} installed and built; data/ emptied. */
    static synchronized KeycloakInstall of(String name, Path jar) {
        KeycloakInstall install = new KeycloakInstall(WORK.resolve(name));
        if (!install.builtWith(jar)) {
            Path pristine = pristine();
            Processes.delete(install.home);
            Processes.run(List.of("cp", "-a", pristine.toString(), install.home.toString()), WORK.resolve(name + "-copy.log"));
            install.installAndBuild(jar);
        }
        Processes.delete(install.home.resolve("data"));
        return install;
    }

    /** A second directory with the same built content (a node needs its own data/, e.g. transaction logs). */
    synchronized KeycloakInstall copy(String name) {
        KeycloakInstall copy = new KeycloakInstall(WORK.resolve(name));
        String built = read(home.resolve(MARKER));
        if (built.isEmpty() || !built.equals(read(copy.home.resolve(MARKER)))) {
            Processes.delete(copy.home);
            Processes.run(List.of("cp", "-a", home.toString(), copy.home.toString()), WORK.resolve(name + "-copy.log"));
        }
        Processes.delete(copy.home.resolve("data"));
        return copy;
    }

    /** Upgrade as an operator does: replace the extension JAR in providers/ and run {@code kc.sh build} again. */
    void replaceJar(Path jar) {
        installAndBuild(jar);
    }

    private void installAndBuild(Path jar) {
        try {
            Files.deleteIfExists(home.resolve(MARKER));
            try (Stream<Path> old = Files.list(home.resolve("providers"))) {
                for (Path p : old.filter(p -> p.getFileName().toString().startsWith(JAR_PREFIX)).toList()) {
                    Files.delete(p);
                }
            }
            Files.copy(jar, home.resolve("providers").resolve(JAR_PREFIX + ".jar"));
            List<String> command = new ArrayList<>(List.of(home.resolve("bin/kc.sh").toString(), "build"));
            command.addAll(BUILD_OPTIONS);
            long t = System.nanoTime();
            System.out.printf("[cluster] %s: kc.sh build %s with %s%n", home.getFileName(), String.join(" ", BUILD_OPTIONS), jar.getFileName());
            Processes.run(command, WORK.resolve(home.getFileName() + "-build.log"));
            System.out.printf("[cluster] %s: built in %d s%n", home.getFileName(), (System.nanoTime() - t) / 1_000_000_000L);
            Files.writeString(home.resolve(MARKER), fingerprint(jar));
        } catch (IOException e) {
            throw new IllegalStateException("installing " + jar + " into " + home, e);
        }
    }

    private boolean builtWith(Path jar) {
        return Files.isDirectory(home) && read(home.resolve(MARKER)).equals(fingerprint(jar));
    }

    private static Path pristine() {
        if (!Files.isRegularFile(PRISTINE.resolve("bin/kc.sh"))) {
            if (!Files.isRegularFile(ZIP)) {
                throw new IllegalStateException(ZIP + " is missing: run with -Pcluster (the profile copies keycloak-quarkus-dist)");
            }
            Processes.delete(PRISTINE.getParent());
            System.out.printf("[cluster] unpacking %s%n", ZIP.getFileName());
            Processes.run(List.of("unzip", "-q", ZIP.toString(), "-d", PRISTINE.getParent().toString()), WORK.resolve("unzip.log"));
        }
        return PRISTINE;
    }

    private static String fingerprint(Path jar) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(jar));
            return HexFormat.of().formatHex(digest) + " " + String.join(" ", BUILD_OPTIONS);
        } catch (IOException | NoSuchAlgorithmException e) {
            throw new IllegalStateException("reading " + jar, e);
        }
    }

    private static String read(Path file) {
        try {
            return Files.isRegularFile(file) ? Files.readString(file, StandardCharsets.UTF_8) : "";
        } catch (IOException e) {
            return "";
        }
    }
}
