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
 * Tiny closed-loop load driver for scripts/benchmark.sh (JDK 17 HttpClient, no dependencies).
 *
 * <pre>
 * load NAME URL CONCURRENCY WARMUP_S DURATION_S BODIES_FILE RESULTS_TSV
 *     POSTs form bodies (one per line of BODIES_FILE, round robin) to URL; 200 = success.
 *     Appends: name, requests, req/s, p50 ms, p99 ms, errors, first error to RESULTS_TSV.
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
                    Integer.parseInt(args[5]), Path.of(args[6]), Path.of(args[7]));
            case "create-keys" -> createKeys(args[1], args[2], args[3], args[4], Path.of(args[5]),
                    Integer.parseInt(args[6]), Integer.parseInt(args[7]), Integer.parseInt(args[8]),
                    args.length > 9 ? args[9] : "bulk key ", args.length > 10 ? args[10] : null,
                    args.length > 11 ? Path.of(args[11]) : null);
            default -> throw new IllegalArgumentException("unknown mode " + args[0]);
        }
    }

    private static void load(String name, String url, int concurrency, int warmupS, int durationS, Path bodiesFile,
                             Path results) throws Exception {
        List<String> bodies = Files.readAllLines(bodiesFile).stream().filter(l -> !l.isBlank()).toList();
        URI uri = URI.create(url);
        AtomicInteger next = new AtomicInteger();
        AtomicLong errors = new AtomicLong();
        AtomicReference<String> firstError = new AtomicReference<>("");
        long start = System.nanoTime();
        long measureFrom = start + warmupS * 1_000_000_000L;
        long end = measureFrom + durationS * 1_000_000_000L;
        long[][] lat = new long[concurrency][];
        int[] counts = new int[concurrency];
        Thread[] threads = new Thread[concurrency];
        for (int t = 0; t < concurrency; t++) {
            final int ti = t;
            lat[t] = new long[1 << 16];
            threads[t] = new Thread(() -> {
                while (true) {
                    long t0 = System.nanoTime();
                    if (t0 >= end) {
                        return;
                    }
                    String body = bodies.get(Math.floorMod(next.getAndIncrement(), bodies.size()));
                    HttpRequest req = HttpRequest.newBuilder(uri)
                            .timeout(Duration.ofSeconds(30))
                            .header("Content-Type", "application/x-www-form-urlencoded")
                            .POST(HttpRequest.BodyPublishers.ofString(body))
                            .build();
                    int status;
                    String text;
                    try {
                        HttpResponse<String> resp = HTTP.send(req, HttpResponse.BodyHandlers.ofString());
                        status = resp.statusCode();
                        text = resp.body();
                    } catch (Exception e) {
                        status = -1;
                        text = e.toString();
                    }
                    long t1 = System.nanoTime();
                    if (t0 < measureFrom) {
                        continue; // warm-up
                    }
                    if (status != 200) {
                        errors.incrementAndGet();
                        firstError.compareAndSet("", status + " " + text.substring(0, Math.min(160, text.length())));
                    }
                    if (counts[ti] == lat[ti].length) {
                        lat[ti] = Arrays.copyOf(lat[ti], lat[ti].length * 2);
                    }
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
        double rps = total / (double) durationS;
        double p50 = total == 0 ? 0 : all[(int) Math.min(total - 1, Math.round(0.50 * (total - 1)))] / 1e6;
        double p99 = total == 0 ? 0 : all[(int) Math.min(total - 1, Math.round(0.99 * (total - 1)))] / 1e6;
        String line = String.format(java.util.Locale.ROOT, "%s\t%d\t%.1f\t%.1f\t%.1f\t%d\t%s%n", name, total, rps, p50, p99,
                errors.get(), firstError.get().replace('\t', ' ').replace('\n', ' '));
        Files.writeString(results, line, StandardOpenOption.CREATE, StandardOpenOption.APPEND);
        System.out.printf(java.util.Locale.ROOT, "    %-28s %6d req  %8.1f req/s  p50 %7.1f ms  p99 %7.1f ms  errors %d %s%n",
                name, total, rps, p50, p99, errors.get(), firstError.get().isEmpty() ? "" : "(first: " + firstError.get() + ")");
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
}
