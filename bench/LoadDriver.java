import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Tiny closed-loop load driver for scripts/benchmark.sh (no dependencies): token-endpoint traffic goes over its own
 * plain HTTP/1.1 client ({@link PlainHttp}, one kept-alive connection per client and node), admin calls over the JDK's
 * HttpClient.
 *
 * <pre>
 * load NAME URL CONCURRENCY WARMUP_S DURATION_S BODIES_FILE RESULTS_TSV [MAX_REQUESTS [WARMUP_BODIES_FILE]]
 *     POSTs form bodies (one per line of BODIES_FILE, round robin) to URL; 200 = success. URL may be a
 *     comma-separated list (e.g. the token endpoints of two cluster nodes): requests go to them in turn, and each
 *     node's count, p50 and p99 are printed under the run's line.
 *     Appends: name, requests, req/s, p50 ms, p99 ms, errors, first error to RESULTS_TSV.
 *     With MAX_REQUESTS (> 0), the measured run ends after that many requests or DURATION_S, whichever comes first,
 *     and req/s is counted over the time it took (a single pass over the bodies: MAX_REQUESTS = lines). With
 *     WARMUP_BODIES_FILE the warm-up sends those bodies instead, so a single pass stays a first use of each body.
 * revoke-under-load URLS CONCURRENCY BODIES_FILE BASE_A BASE_B REALM CLIENT_ID CLIENT_SECRET USER_ID GRANT_CLIENT SAMPLES OUT_TSV [WARMUP_SAMPLES [PACE_RPS [KEYCLOAK_REFUSAL_FILE]]]
 *     (WARMUP_SAMPLES [0] samples first, not recorded: the revoke and refusal paths compiled before the measured ones;
 *     PACE_RPS [0 = closed loop, as "load"]: the CONCURRENCY clients send PACE_RPS requests per second together, each
 *     at a fixed interval, so the load stays at that rate while the servers have room for it;
 *     KEYCLOAK_REFUSAL_FILE: a token request Keycloak itself refuses (its first line, e.g. client_credentials with a
 *     wrong client secret), sent to B in each sample on the same connection right after the key's creation on A, so
 *     that, like the key's refusal after the revoke on A, it is the first request on that connection after a call on
 *     A: a refusal without the extension's code, timed under the same load in the same position.)
 *     Drives the load of "load" (URLS, CONCURRENCY, BODIES_FILE, the same plain client) while it takes SAMPLES
 *     measurements, one after the other: create a key on node A (admin REST API, client-credentials token of
 *     CLIENT_ID), exchange it twice on node B (B now holds it in its verified-key cache), revoke it on A, then exchange
 *     it on B again and again until B refuses it (B's exchanges on one kept-alive plain connection). Writes one line
 *     per sample to OUT_TSV (ms from sending the revoke to its answer, ms from the answer to B's first refusal, B
 *     answers accepted after the revoke's answer, ms of the second exchange on B before the revoke, ms of Keycloak's
 *     own refusal or -1) and prints "samples p50 p99 max stale load_rps load_errors live_p50 live_p99 live_max
 *     keycloak_refusal_p50 keycloak_refusal_p99 keycloak_refusal_max" (the last three -1 without the file) on its last line.
 * create-keys BASE REALM CLIENT_ID CLIENT_SECRET USER_IDS_FILE COUNT CONCURRENCY TIME_LIMIT_S [NAME_PREFIX GRANT_CLIENT FORMS_FILE]
 *     Creates COUNT keys through the admin REST API (POST /admin/realms/REALM/access-keys), users round
 *     robin, with a client-credentials token of CLIENT_ID (refreshed every 60 s). Stops at TIME_LIMIT_S.
 *     Names are NAME_PREFIX + number ("bulk key " by default). With FORMS_FILE, writes one key-grant form body
 *     per created key (client GRANT_CLIENT), in creation order, for a later load run over all of them.
 *     Prints: created errors seconds.
 * </pre>
 */
public final class LoadDriver {

    private static final HttpClient HTTP = HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(10))
            .build();

    public static void main(String[] args) throws Exception {
        switch (args[0]) {
            case "load" -> load(args[1], args[2], Integer.parseInt(args[3]), Integer.parseInt(args[4]),
                    Integer.parseInt(args[5]), Path.of(args[6]), Path.of(args[7]), args.length > 8 ? Integer.parseInt(args[8]) : 0,
                    args.length > 9 ? Path.of(args[9]) : Path.of(args[6]));
            case "revoke-under-load" -> revokeUnderLoad(args[1], Integer.parseInt(args[2]), Path.of(args[3]), args[4], args[5],
                    args[6], args[7], args[8], args[9], args[10], Integer.parseInt(args[11]), Path.of(args[12]),
                    args.length > 13 ? Integer.parseInt(args[13]) : 0, args.length > 14 ? Double.parseDouble(args[14]) : 0,
                    args.length > 15 ? Path.of(args[15]) : null);
            case "create-keys" -> createKeys(args[1], args[2], args[3], args[4], Path.of(args[5]),
                    Integer.parseInt(args[6]), Integer.parseInt(args[7]), Integer.parseInt(args[8]),
                    args.length > 9 ? args[9] : "bulk key ", args.length > 10 ? args[10] : null,
                    args.length > 11 ? Path.of(args[11]) : null);
            default -> throw new IllegalArgumentException("unknown mode " + args[0]);
        }
    }

    private static void load(String name, String url, int concurrency, int warmupS, int durationS, Path bodiesFile,
                             Path results, int maxRequests, Path warmupBodiesFile) throws Exception {
        List<String> bodies = Files.readAllLines(bodiesFile).stream().filter(l -> !l.isBlank()).toList();
        List<String> warmupBodies = Files.readAllLines(warmupBodiesFile).stream().filter(l -> !l.isBlank()).toList();
        URI[] uris = Arrays.stream(url.split(",")).map(URI::create).toArray(URI[]::new);
        AtomicInteger next = new AtomicInteger();
        AtomicInteger nextWarmup = new AtomicInteger();
        AtomicLong errors = new AtomicLong();
        AtomicReference<String> firstError = new AtomicReference<>("");
        long start = System.nanoTime();
        long measureFrom = start + warmupS * 1_000_000_000L;
        long end = measureFrom + durationS * 1_000_000_000L;
        AtomicLong lastAnswer = new AtomicLong(measureFrom);
        long[][] lat = new long[concurrency][];
        byte[][] node = new byte[concurrency][];
        int[] counts = new int[concurrency];
        Thread[] threads = new Thread[concurrency];
        for (int t = 0; t < concurrency; t++) {
            final int ti = t;
            lat[t] = new long[1 << 16];
            node[t] = new byte[1 << 16];
            threads[t] = new Thread(() -> {
                // one kept-alive connection per node for each of the closed loop's clients
                PlainHttp[] connections = Arrays.stream(uris).map(PlainHttp::new).toArray(PlainHttp[]::new);
                while (true) {
                    long t0 = System.nanoTime();
                    if (t0 >= end) {
                        return;
                    }
                    boolean warmingUp = t0 < measureFrom;
                    int n = warmingUp ? nextWarmup.getAndIncrement() : next.getAndIncrement();
                    if (!warmingUp && maxRequests > 0 && n >= maxRequests) {
                        return;
                    }
                    String body = warmingUp ? warmupBodies.get(Math.floorMod(n, warmupBodies.size()))
                            : bodies.get(Math.floorMod(n, bodies.size()));
                    int status;
                    String text;
                    try {
                        PlainHttp.Answer answer = connections[Math.floorMod(n, uris.length)].postForm(body);
                        status = answer.status();
                        text = answer.body();
                    } catch (Exception e) {
                        status = -1;
                        text = e.toString();
                    }
                    long t1 = System.nanoTime();
                    if (t0 < measureFrom) {
                        continue; // warm-up
                    }
                    lastAnswer.accumulateAndGet(t1, Math::max);
                    if (status != 200) {
                        errors.incrementAndGet();
                        firstError.compareAndSet("", status + " " + text.substring(0, Math.min(160, text.length())));
                    }
                    if (counts[ti] == lat[ti].length) {
                        lat[ti] = Arrays.copyOf(lat[ti], lat[ti].length * 2);
                        node[ti] = Arrays.copyOf(node[ti], node[ti].length * 2);
                    }
                    node[ti][counts[ti]] = (byte) Math.floorMod(n, uris.length);
                    lat[ti][counts[ti]++] = t1 - t0;
                }
            }, "load-" + t);
            threads[t].start();
        }
        for (Thread th : threads) {
            th.join();
        }
        int total = Arrays.stream(counts).sum();
        long[] all = new long[total];
        int pos = 0;
        for (int t = 0; t < concurrency; t++) {
            System.arraycopy(lat[t], 0, all, pos, counts[t]);
            pos += counts[t];
        }
        Arrays.sort(all);
        double seconds = maxRequests > 0 ? (lastAnswer.get() - measureFrom) / 1e9 : durationS;
        double rps = total / seconds;
        double p50 = total == 0 ? 0 : all[(int) Math.min(total - 1, Math.round(0.50 * (total - 1)))] / 1e6;
        double p99 = total == 0 ? 0 : all[(int) Math.min(total - 1, Math.round(0.99 * (total - 1)))] / 1e6;
        String line = String.format(java.util.Locale.ROOT, "%s\t%d\t%.1f\t%.1f\t%.1f\t%d\t%s%n", name, total, rps, p50, p99,
                errors.get(), firstError.get().replace('\t', ' ').replace('\n', ' '));
        Files.writeString(results, line, StandardOpenOption.CREATE, StandardOpenOption.APPEND);
        System.out.printf(java.util.Locale.ROOT, "    %-28s %6d req  %8.1f req/s  p50 %7.1f ms  p99 %7.1f ms  errors %d %s%n",
                name, total, rps, p50, p99, errors.get(), firstError.get().isEmpty() ? "" : "(first: " + firstError.get() + ")");
        if (uris.length > 1) {
            // per node: each got every other request; its latencies tell whether one node holds the other back
            for (int u = 0; u < uris.length; u++) {
                List<Long> mine = new ArrayList<>();
                for (int t = 0; t < concurrency; t++) {
                    for (int i = 0; i < counts[t]; i++) {
                        if (node[t][i] == u) {
                            mine.add(lat[t][i]);
                        }
                    }
                }
                long[] sorted = mine.stream().mapToLong(Long::longValue).sorted().toArray();
                System.out.printf(java.util.Locale.ROOT, "      %s: %d req, p50 %.1f ms, p99 %.1f ms%n", uris[u].getAuthority(), sorted.length,
                        sorted.length == 0 ? 0 : sorted[(int) Math.round(0.50 * (sorted.length - 1))] / 1e6,
                        sorted.length == 0 ? 0 : sorted[(int) Math.round(0.99 * (sorted.length - 1))] / 1e6);
            }
        }
    }

    private static void revokeUnderLoad(String urls, int concurrency, Path bodiesFile, String baseA, String baseB, String realm,
                                        String clientId, String clientSecret, String userId, String grantClient, int samples,
                                        Path out, int warmupSamples, double paceRps, Path keycloakRefusalFile) throws Exception {
        String keycloakRefusal = keycloakRefusalFile == null ? null
                : Files.readAllLines(keycloakRefusalFile).stream().filter(l -> !l.isBlank()).findFirst().orElseThrow();
        List<String> bodies = Files.readAllLines(bodiesFile).stream().filter(l -> !l.isBlank()).toList();
        URI[] uris = Arrays.stream(urls.split(",")).map(URI::create).toArray(URI[]::new);
        AtomicInteger next = new AtomicInteger();
        AtomicLong done = new AtomicLong();
        AtomicLong errors = new AtomicLong();
        java.util.concurrent.atomic.AtomicBoolean stop = new java.util.concurrent.atomic.AtomicBoolean();
        List<Thread> load = new ArrayList<>();
        for (int t = 0; t < concurrency; t++) {
            // paced: each client sends every concurrency / paceRps seconds (staggered), or at once when it fell behind
            long intervalNanos = paceRps > 0 ? (long) (concurrency * 1e9 / paceRps) : 0;
            long firstSend = System.nanoTime() + intervalNanos * t / concurrency;
            Thread th = new Thread(() -> {
                // the clients of "load": one kept-alive plain connection per node each
                PlainHttp[] connections = Arrays.stream(uris).map(PlainHttp::new).toArray(PlainHttp[]::new);
                long sendAt = firstSend;
                while (!stop.get()) {
                    if (intervalNanos > 0) {
                        long wait = sendAt - System.nanoTime();
                        if (wait > 0) {
                            java.util.concurrent.locks.LockSupport.parkNanos(wait);
                        }
                        sendAt = Math.max(sendAt + intervalNanos, System.nanoTime() - intervalNanos);
                    }
                    int n = next.getAndIncrement();
                    try {
                        if (connections[Math.floorMod(n, uris.length)].postForm(bodies.get(Math.floorMod(n, bodies.size()))).status() != 200) {
                            errors.incrementAndGet();
                        }
                    } catch (Exception e) {
                        errors.incrementAndGet();
                    }
                    done.incrementAndGet();
                }
            }, "load-" + t);
            th.setDaemon(true); // a failed probe ends the driver instead of leaving the load running
            th.start();
            load.add(th);
        }
        Thread.sleep(2000); // the load is running before the first sample
        // the probe's exchanges on B: a kept-alive plain connection as the load's, so the times are the server's
        PlainHttp tokenB = new PlainHttp(URI.create(baseB + "/realms/" + realm + "/protocol/openid-connect/token"));
        URI keys = URI.create(baseA + "/admin/realms/" + realm + "/access-keys");
        String token = clientToken(baseA, realm, clientId, clientSecret);
        long tokenAt = System.nanoTime();
        List<Double> refusal = new ArrayList<>();
        List<Double> live = new ArrayList<>();
        List<Double> keycloakRefused = new ArrayList<>();
        int stale = 0;
        StringBuilder lines = new StringBuilder();
        long loadStart = System.nanoTime();
        long doneAtStart = done.get();
        long errorsAtStart = errors.get();
        for (int i = -warmupSamples; i < samples; i++) {
            if (i == 0) { // the first measured sample: count the load from here
                loadStart = System.nanoTime();
                doneAtStart = done.get();
                errorsAtStart = errors.get();
            }
            if (System.nanoTime() - tokenAt > 30_000_000_000L) {
                token = clientToken(baseA, realm, clientId, clientSecret);
                tokenAt = System.nanoTime();
            }
            HttpResponse<String> created = HTTP.send(HttpRequest.newBuilder(keys).header("Authorization", "Bearer " + token)
                    .header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString("{\"userId\":\"" + userId + "\",\"name\":\"revoke probe " + i + "\"}"))
                    .build(), HttpResponse.BodyHandlers.ofString());
            if (created.statusCode() != 201) {
                throw new IllegalStateException("creating a probe key on A: " + created.statusCode() + " " + created.body());
            }
            String id = field(created.body(), "id");
            String form = "grant_type=urn:access-keys:grant-type:access-key&client_id=" + enc(grantClient) + "&key_id=" + enc(id)
                    + "&key_secret=" + enc(field(created.body(), "secret"));
            // Keycloak's own refusal, the first request on B's connection after a call on A (the create), as the key's
            // refusal is the first after the revoke on A
            double keycloakMs = -1;
            if (keycloakRefusal != null) {
                long kcSent = System.nanoTime();
                int kcStatus = tokenB.postForm(keycloakRefusal).status();
                keycloakMs = (System.nanoTime() - kcSent) / 1e6;
                if (kcStatus != 400 && kcStatus != 401) {
                    throw new IllegalStateException("B answered " + kcStatus + " to the request Keycloak should refuse");
                }
            }
            long liveSent = 0;
            for (int k = 0; k < 2; k++) {
                liveSent = System.nanoTime();
                int status = tokenB.postForm(form).status();
                if (status != 200) {
                    throw new IllegalStateException("probe key " + id + " refused on B before the revoke: " + status);
                }
            }
            // the second exchange of the live key on B (in B's cache by then): one exchange's own time under this load
            double liveMs = (System.nanoTime() - liveSent) / 1e6;
            long sent = System.nanoTime();
            HttpResponse<String> revoked = HTTP.send(HttpRequest.newBuilder(URI.create(keys + "/" + id + "/revoke"))
                    .header("Authorization", "Bearer " + token).POST(HttpRequest.BodyPublishers.noBody()).build(),
                    HttpResponse.BodyHandlers.ofString());
            long answered = System.nanoTime();
            if (revoked.statusCode() != 200) {
                throw new IllegalStateException("revoke on A: " + revoked.statusCode() + " " + revoked.body());
            }
            int accepted = 0;
            int status;
            while ((status = tokenB.postForm(form).status()) == 200) {
                accepted++;
                if (System.nanoTime() - answered > 10_000_000_000L) {
                    throw new IllegalStateException("B still accepts key " + id + " 10 s after its revoke on A");
                }
            }
            long refused = System.nanoTime();
            if (status != 400) {
                throw new IllegalStateException("B answered " + status + " for the revoked key " + id);
            }
            if (i < 0) {
                continue; // a warm-up sample
            }
            stale += accepted;
            double ms = (refused - answered) / 1e6;
            refusal.add(ms);
            live.add(liveMs);
            if (keycloakMs >= 0) {
                keycloakRefused.add(keycloakMs);
            }
            lines.append(String.format(java.util.Locale.ROOT, "%d\t%.1f\t%.1f\t%d\t%.1f\t%.1f%n", i, (answered - sent) / 1e6, ms, accepted,
                    liveMs, keycloakMs));
        }
        double loadSeconds = (System.nanoTime() - loadStart) / 1e9;
        long loadRequests = done.get() - doneAtStart;
        long loadErrors = errors.get() - errorsAtStart;
        stop.set(true);
        for (Thread th : load) {
            th.join();
        }
        Files.writeString(out, lines.toString());
        double[] sorted = refusal.stream().mapToDouble(Double::doubleValue).sorted().toArray();
        double[] liveSorted = live.stream().mapToDouble(Double::doubleValue).sorted().toArray();
        double[] kcSorted = keycloakRefused.stream().mapToDouble(Double::doubleValue).sorted().toArray();
        System.out.printf(java.util.Locale.ROOT, "%d %.1f %.1f %.1f %d %.1f %d %.1f %.1f %.1f %.1f %.1f %.1f%n", sorted.length,
                percentile(sorted, 0.50), percentile(sorted, 0.99), percentile(sorted, 1), stale, loadRequests / loadSeconds, loadErrors,
                percentile(liveSorted, 0.50), percentile(liveSorted, 0.99), percentile(liveSorted, 1),
                percentile(kcSorted, 0.50), percentile(kcSorted, 0.99), percentile(kcSorted, 1));
    }

    /** The value at quantile {@code q} (1 = the largest) of sorted samples, as the load runs take it; -1 without samples. */
    private static double percentile(double[] sorted, double q) {
        return sorted.length == 0 ? -1 : sorted[(int) Math.round(q * (sorted.length - 1))];
    }

    private static final Pattern ACCESS_TOKEN = Pattern.compile("\"access_token\"\\s*:\\s*\"([^\"]+)\"");

    private static String clientToken(String base, String realm, String clientId, String secret) throws Exception {
        String form = "grant_type=client_credentials&client_id=" + enc(clientId) + "&client_secret=" + enc(secret);
        HttpResponse<String> resp = HTTP.send(HttpRequest.newBuilder(URI.create(base + "/realms/" + realm + "/protocol/openid-connect/token"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form)).build(), HttpResponse.BodyHandlers.ofString());
        Matcher m = ACCESS_TOKEN.matcher(resp.body());
        if (resp.statusCode() != 200 || !m.find()) {
            throw new IllegalStateException("token request failed: " + resp.statusCode() + " " + resp.body());
        }
        return m.group(1);
    }

    private static void createKeys(String base, String realm, String clientId, String secret, Path usersFile, int count,
                                   int concurrency, int timeLimitS, String namePrefix, String grantClient,
                                   Path formsFile) throws Exception {
        String[] forms = new String[count];
        List<String> users = Files.readAllLines(usersFile).stream().filter(l -> !l.isBlank()).toList();
        AtomicReference<String> token = new AtomicReference<>(clientToken(base, realm, clientId, secret));
        AtomicLong tokenAt = new AtomicLong(System.nanoTime());
        URI uri = URI.create(base + "/admin/realms/" + realm + "/access-keys");
        AtomicInteger next = new AtomicInteger();
        AtomicInteger created = new AtomicInteger();
        AtomicInteger errors = new AtomicInteger();
        AtomicReference<String> firstError = new AtomicReference<>("");
        long start = System.nanoTime();
        long deadline = start + timeLimitS * 1_000_000_000L;
        List<Thread> threads = new ArrayList<>();
        for (int t = 0; t < concurrency; t++) {
            Thread th = new Thread(() -> {
                while (System.nanoTime() < deadline) {
                    int i = next.getAndIncrement();
                    if (i >= count) {
                        return;
                    }
                    try {
                        if (System.nanoTime() - tokenAt.get() > 60_000_000_000L) {
                            synchronized (token) {
                                if (System.nanoTime() - tokenAt.get() > 60_000_000_000L) {
                                    token.set(clientToken(base, realm, clientId, secret));
                                    tokenAt.set(System.nanoTime());
                                }
                            }
                        }
                        String body = "{\"userId\":\"" + users.get(i % users.size()) + "\",\"name\":\"" + namePrefix + i
                                + "\",\"description\":\"benchmark key number " + i + "\"}";
                        HttpResponse<String> resp = HTTP.send(HttpRequest.newBuilder(uri)
                                .timeout(Duration.ofSeconds(60))
                                .header("Authorization", "Bearer " + token.get())
                                .header("Content-Type", "application/json")
                                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
                        if (resp.statusCode() == 201) {
                            if (formsFile != null) {
                                forms[i] = "grant_type=urn:access-keys:grant-type:access-key&client_id=" + enc(grantClient)
                                        + "&key_id=" + enc(field(resp.body(), "id")) + "&key_secret=" + enc(field(resp.body(), "secret"));
                            }
                            int c = created.incrementAndGet();
                            if (c % 10_000 == 0) {
                                System.err.printf("    %d keys created (%.0f s)%n", c, (System.nanoTime() - start) / 1e9);
                            }
                        } else {
                            errors.incrementAndGet();
                            firstError.compareAndSet("", resp.statusCode() + " " + resp.body());
                        }
                    } catch (Exception e) {
                        errors.incrementAndGet();
                        firstError.compareAndSet("", e.toString());
                    }
                }
            });
            th.start();
            threads.add(th);
        }
        for (Thread th : threads) {
            th.join();
        }
        if (!firstError.get().isEmpty()) {
            System.err.println("    first error: " + firstError.get());
        }
        if (formsFile != null) {
            Files.write(formsFile, Arrays.stream(forms).filter(f -> f != null).toList());
        }
        System.out.printf(java.util.Locale.ROOT, "%d %d %.1f%n", created.get(), errors.get(), (System.nanoTime() - start) / 1e9);
    }

    private static String field(String json, String name) {
        Matcher m = Pattern.compile("\"" + name + "\"\\s*:\\s*\"([^\"]+)\"").matcher(json);
        if (!m.find()) {
            throw new IllegalStateException("no " + name + " in " + json);
        }
        return m.group(1);
    }

    private static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }

    /**
     * The load runs' HTTP/1.1 client: a blocking socket kept alive, the request written in one go, the answer read by
     * its Content-Length (or chunks). The driver shares the machine with the server; the JDK's HttpClient spent about a
     * third of the machine's CPU at 500 req/s, which the server then did not get, so the cheaper a request the more its
     * figure was held down. Used for every grant alike.
     */
    static final class PlainHttp {
        record Answer(int status, String body) {
        }

        private final URI uri;
        private final byte[] head;
        private java.net.Socket socket;
        private java.io.BufferedInputStream in;
        private java.io.OutputStream out;

        PlainHttp(URI uri) {
            this.uri = uri;
            int port = uri.getPort() < 0 ? 80 : uri.getPort();
            this.head = ("POST " + uri.getRawPath() + " HTTP/1.1\r\nHost: " + uri.getHost() + ":" + port
                    + "\r\nContent-Type: application/x-www-form-urlencoded\r\nContent-Length: ").getBytes(StandardCharsets.US_ASCII);
        }

        Answer postForm(String form) throws java.io.IOException {
            if (socket == null) {
                socket = new java.net.Socket(uri.getHost(), uri.getPort() < 0 ? 80 : uri.getPort());
                socket.setTcpNoDelay(true);
                socket.setSoTimeout(30_000);
                in = new java.io.BufferedInputStream(socket.getInputStream(), 16 * 1024);
                out = new java.io.BufferedOutputStream(socket.getOutputStream(), 8 * 1024);
            }
            try {
                byte[] body = form.getBytes(StandardCharsets.UTF_8);
                out.write(head);
                out.write((body.length + "\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
                out.write(body);
                out.flush();
                String statusLine = line();
                int status = Integer.parseInt(statusLine.split(" ")[1]);
                int length = -1;
                boolean chunked = false;
                boolean close = false;
                for (String header = line(); !header.isEmpty(); header = line()) {
                    String lower = header.toLowerCase(java.util.Locale.ROOT);
                    if (lower.startsWith("content-length:")) {
                        length = Integer.parseInt(lower.substring(15).trim());
                    } else if (lower.startsWith("transfer-encoding:") && lower.contains("chunked")) {
                        chunked = true;
                    } else if (lower.startsWith("connection:") && lower.contains("close")) {
                        close = true;
                    }
                }
                java.io.ByteArrayOutputStream text = new java.io.ByteArrayOutputStream(Math.max(length, 256));
                if (chunked) {
                    for (int size = Integer.parseInt(line().split(";")[0].trim(), 16); size > 0;
                         size = Integer.parseInt(line().split(";")[0].trim(), 16)) {
                        text.write(in.readNBytes(size));
                        line();
                    }
                    line();
                } else if (length >= 0) {
                    text.write(in.readNBytes(length));
                } else {
                    text.write(in.readAllBytes());
                    close = true;
                }
                if (close) {
                    close();
                }
                return new Answer(status, text.toString(StandardCharsets.UTF_8));
            } catch (java.io.IOException | RuntimeException e) {
                close();
                throw e;
            }
        }

        private String line() throws java.io.IOException {
            StringBuilder line = new StringBuilder(64);
            for (int c = in.read(); c != '\n'; c = in.read()) {
                if (c < 0) {
                    throw new java.io.EOFException("connection closed by the server");
                }
                if (c != '\r') {
                    line.append((char) c);
                }
            }
            return line.toString();
        }

        private void close() {
            try {
                if (socket != null) {
                    socket.close();
                }
            } catch (java.io.IOException ignored) {
                // closing anyway
            }
            socket = null;
        }
    }
}
