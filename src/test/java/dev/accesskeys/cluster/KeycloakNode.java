package dev.accesskeys.cluster;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import dev.accesskeys.support.ServerLogs;

/**
 * One Keycloak process started from a {@link KeycloakInstall} with {@code kc.sh start --optimized} on loopback: its
 * own HTTP, management and cluster (JGroups) ports, the shared PostgreSQL database, a bootstrap admin
 * {@code admin}/{@code admin}, output appended to {@code target/cluster/<name>.log}. Stops by SIGTERM (graceful) or
 * crashes by SIGKILL of the Java process. Nodes still running when the test JVM exits are killed.
 */
final class KeycloakNode implements AutoCloseable {

    static final String ADMIN = "admin";
    private static final Duration READY_TIMEOUT = Duration.ofSeconds(240);
    private static final Pattern CLUSTER_VIEW = Pattern.compile("ISPN000094: Received new cluster view for channel \\S+: \\[[^\\]]*\\] \\((\\d+)\\) \\[([^\\]]*)\\]");
    private static final Set<Process> RUNNING = ConcurrentHashMap.newKeySet();
    private static final HttpClient PROBE = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    static {
        Runtime.getRuntime().addShutdownHook(new Thread(() -> RUNNING.forEach(KeycloakNode::killTree)));
    }

    private final String name;
    private final KeycloakInstall install;
    private final int httpPort;
    private final int managementPort;
    private final int clusterPort;
    private final String database;
    private final Path log;
    private final List<String> extraOptions = new ArrayList<>();
    private Process process;
    private long logOffsetAtStart;

    KeycloakNode(String name, KeycloakInstall install, int httpPort, int managementPort, int clusterPort, String database) {
        this.name = name;
        this.install = install;
        this.httpPort = httpPort;
        this.managementPort = managementPort;
        this.clusterPort = clusterPort;
        this.database = database;
        this.log = KeycloakInstall.WORK.resolve(name + ".log");
        ServerLogs.register(log);
    }

    String name() {
        return name;
    }

    /** One more {@code start} option, e.g. an {@code --spi-...} setting of the extension. */
    KeycloakNode withOption(String option) {
        extraOptions.add(option);
        return this;
    }

    /** Imports the realm file at every start, as docker/compose.yaml does ({@code --import-realm}, data/import/). */
    KeycloakNode importingRealm(Path realmFile) {
        try {
            Path dir = Files.createDirectories(install.home().resolve("data/import"));
            Files.copy(realmFile, dir.resolve(realmFile.getFileName()), java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            throw new IllegalStateException("copying " + realmFile, e);
        }
        extraOptions.add("--import-realm");
        return this;
    }

    String baseUrl() {
        return "http://127.0.0.1:" + httpPort;
    }

    Path log() {
        return log;
    }

    /** Starts the node and waits for {@code /health/ready}; returns the seconds it took. */
    double start() {
        if (process != null && process.isAlive()) {
            throw new IllegalStateException(name + " is already running");
        }
        // a node this run stopped or killed a moment ago may still hold its ports while the kernel tears it down
        long portDeadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(15);
        for (int port : new int[] {httpPort, managementPort, clusterPort}) {
            while (listening(port)) {
                if (System.nanoTime() > portDeadline) {
                    throw new IllegalStateException("port " + port + " for " + name + " is taken (a node left over from an earlier run?)");
                }
                sleep(250);
            }
        }
        List<String> command = new ArrayList<>(List.of(install.home().resolve("bin/kc.sh").toString(), "start", "--optimized",
                "--db-url=jdbc:postgresql://127.0.0.1:5432/" + database, "--db-username=" + Postgres.USER, "--db-password=unused-trust-auth",
                "--http-enabled=true", "--http-host=127.0.0.1", "--http-port=" + httpPort,
                "--http-management-port=" + managementPort, "--hostname-strict=false",
                // Keycloak's default cluster: Infinispan with the jdbc-ping stack (discovery through the shared database)
                "--cache-embedded-network-bind-address=127.0.0.1", "--cache-embedded-network-bind-port=" + clusterPort,
                "--spi-cache-embedded-default-node-name=" + name));
        command.addAll(extraOptions);
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
        Map<String, String> env = builder.environment();
        env.put("KC_BOOTSTRAP_ADMIN_USERNAME", ADMIN);
        env.put("KC_BOOTSTRAP_ADMIN_PASSWORD", ADMIN);
        env.put("JAVA_OPTS_KC_HEAP", "-Xms128m -Xmx768m");
        try {
            Files.writeString(log, "\n===== " + Instant.now() + " " + String.join(" ", command) + "\n",
                    StandardOpenOption.CREATE, StandardOpenOption.APPEND);
            logOffsetAtStart = Files.size(log);
            long t = System.nanoTime();
            System.out.printf("[cluster] %s: kc.sh start --optimized on %s (management %d, cluster %d), log %s%n",
                    name, baseUrl(), managementPort, clusterPort, log);
            process = builder.start();
            RUNNING.add(process);
            awaitReady(t);
            double seconds = (System.nanoTime() - t) / 1e9;
            System.out.printf("[cluster] %s: ready after %.1f s%n", name, seconds);
            return seconds;
        } catch (IOException e) {
            throw new IllegalStateException("starting " + name, e);
        }
    }

    private void awaitReady(long startNanos) {
        long deadline = startNanos + READY_TIMEOUT.toNanos();
        long lastReport = startNanos;
        URI ready = URI.create("http://127.0.0.1:" + managementPort + "/health/ready");
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IllegalStateException(name + " exited with " + process.exitValue() + "; last lines of " + log + ":\n"
                        + Processes.tail(log, 40));
            }
            try {
                HttpResponse<String> response = PROBE.send(HttpRequest.newBuilder(ready).timeout(Duration.ofSeconds(2)).build(),
                        HttpResponse.BodyHandlers.ofString());
                if (response.statusCode() == 200) {
                    return;
                }
            } catch (IOException notYet) {
                // not listening yet
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
            if (System.nanoTime() - lastReport > TimeUnit.SECONDS.toNanos(10)) {
                lastReport = System.nanoTime();
                System.out.printf("[cluster] %s: waiting for %s ... %d s%n", name, ready, (lastReport - startNanos) / 1_000_000_000L);
            }
            sleep(500);
        }
        throw new IllegalStateException(name + " not ready after " + READY_TIMEOUT.toSeconds() + " s; last lines of " + log + ":\n"
                + Processes.tail(log, 40));
    }

    /** Graceful stop: SIGTERM to kc.sh, which forwards it to Keycloak; waits for the process to end. */
    void stop() {
        if (process == null || !process.isAlive()) {
            return;
        }
        long t = System.nanoTime();
        process.destroy();
        try {
            if (!process.waitFor(90, TimeUnit.SECONDS)) {
                System.out.printf("[cluster] %s: no exit 90 s after SIGTERM, killing it%n", name);
                killTree(process);
                process.waitFor(30, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
        RUNNING.remove(process);
        System.out.printf("[cluster] %s: stopped (exit %d) in %.1f s%n", name, process.exitValue(), (System.nanoTime() - t) / 1e9);
    }

    /** A crash: SIGKILL to the Java process (and the script), no shutdown hooks, no graceful close of anything. */
    void crash() {
        List<ProcessHandle> killed = killTree(process);
        try {
            process.waitFor(30, TimeUnit.SECONDS);
            // the script can end before the JVM it started; wait for every process that was killed
            for (ProcessHandle handle : killed) {
                handle.onExit().get(30, TimeUnit.SECONDS);
            }
        } catch (java.util.concurrent.ExecutionException | java.util.concurrent.TimeoutException e) {
            throw new IllegalStateException(name + ": a killed process did not end", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
        RUNNING.remove(process);
        System.out.printf("[cluster] %s: killed with SIGKILL%n", name);
    }

    private static List<ProcessHandle> killTree(Process process) {
        List<ProcessHandle> killed = new ArrayList<>(process.descendants().toList());
        killed.forEach(ProcessHandle::destroyForcibly);
        process.destroyForcibly();
        killed.add(process.toHandle());
        return killed;
    }

    /** Node names in the latest cluster view this node logged since its last start (empty before the first view). */
    List<String> clusterMembers() {
        List<String> members = List.of();
        for (String line : logSinceStart().split("\n")) {
            Matcher m = CLUSTER_VIEW.matcher(line);
            if (m.find()) {
                members = Stream.of(m.group(2).split(",\\s*")).map(member -> member.replaceFirst("\\(.*\\)$", "")).toList();
            }
        }
        return members;
    }

    /** Waits until this node's latest cluster view has {@code size} members; returns them. */
    List<String> awaitClusterView(int size, Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            List<String> members = clusterMembers();
            if (members.size() == size) {
                return members;
            }
            sleep(200);
        }
        throw new AssertionError(name + ": no cluster view of " + size + " members within " + timeout.toSeconds() + " s; latest: "
                + clusterMembers() + " (log " + log + ")");
    }

    String logSinceStart() {
        try (RandomAccessFile file = new RandomAccessFile(log.toFile(), "r")) {
            long length = file.length();
            byte[] bytes = new byte[(int) Math.max(0, length - logOffsetAtStart)];
            file.seek(logOffsetAtStart);
            file.readFully(bytes);
            return new String(bytes, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new IllegalStateException("reading " + log, e);
        }
    }

    private static boolean listening(int port) {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress("127.0.0.1", port), 500);
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    @Override
    public void close() {
        stop();
    }
}
