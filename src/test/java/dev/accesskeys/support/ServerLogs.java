package dev.accesskeys.support;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The log files of the Keycloak servers a test run started (the test framework's server, the cluster suite's
 * nodes). Servers write their log only to these files; {@link ServerLogOnFailure} prints what they wrote while a
 * failed test ran.
 */
public final class ServerLogs {

    static final int TAIL_LINES = 80;
    private static final int MAX_TAIL_BYTES = 64 * 1024;
    private static final Set<Path> FILES = ConcurrentHashMap.newKeySet();

    private ServerLogs() {
    }

    /** Registers a server's log file (idempotent). */
    public static void register(Path log) {
        FILES.add(log.toAbsolutePath());
    }

    /** The current size of every registered log (0 for one not written yet). */
    static Map<Path, Long> sizes() {
        Map<Path, Long> sizes = new ConcurrentHashMap<>();
        for (Path file : FILES) {
            sizes.put(file, size(file));
        }
        return sizes;
    }

    /** The last {@code lines} lines each log got since {@code from} (a log registered later: from its start). */
    static String tailsSince(Map<Path, Long> from, int lines) {
        StringBuilder out = new StringBuilder();
        for (Path file : FILES) {
            long start = from.getOrDefault(file, 0L);
            String text = read(file, start);
            if (text.isBlank()) {
                continue;
            }
            List<String> all = new ArrayList<>(Arrays.asList(text.split("\n")));
            List<String> tail = all.subList(Math.max(0, all.size() - lines), all.size());
            out.append("----- last ").append(tail.size()).append(" lines the test wrote to ").append(file)
                    .append(" (kept) -----\n");
            tail.forEach(line -> out.append(line).append('\n'));
        }
        return out.toString();
    }

    private static long size(Path file) {
        try {
            return Files.exists(file) ? Files.size(file) : 0L;
        } catch (IOException e) {
            return 0L;
        }
    }

    private static String read(Path file, long from) {
        if (!Files.exists(file)) {
            return "";
        }
        try (RandomAccessFile raf = new RandomAccessFile(file.toFile(), "r")) {
            long length = raf.length();
            long start = Math.max(from > length ? 0 : from, length - MAX_TAIL_BYTES);
            byte[] bytes = new byte[(int) (length - start)];
            raf.seek(start);
            raf.readFully(bytes);
            return new String(bytes, StandardCharsets.UTF_8);
        } catch (IOException e) {
            return "(cannot read " + file + ": " + e + ")";
        }
    }

    // ---- the test framework's server log (AccessKeysServerConfig.SERVER_LOG), read by the tests ----------------------

    private static final Pattern STACK_FRAME = Pattern.compile("(?m)^\\s+at [\\w$.]+\\(.*\\)\\s*$");

    /** The size of the server log now: a test reads what came after with {@link #logSince}. */
    public static long logSize() throws IOException {
        return Files.size(AccessKeysServerConfig.SERVER_LOG);
    }

    /** What the server wrote to its log since {@code offset}. */
    public static String logSince(long offset) throws IOException {
        byte[] all = Files.readAllBytes(AccessKeysServerConfig.SERVER_LOG);
        int from = (int) Math.min(offset, all.length);
        return new String(all, from, all.length - from, StandardCharsets.UTF_8);
    }

    /** The stack traces in a stretch of the log: each as the line before its frames plus all its frames. */
    public static List<String> stackTraces(String log) {
        List<String> traces = new ArrayList<>();
        Matcher frame = STACK_FRAME.matcher(log);
        int blockStart = -1;
        int blockEnd = -1;
        while (frame.find()) {
            if (blockStart >= 0 && frame.start() <= blockEnd + 1) {
                blockEnd = frame.end();
                continue;
            }
            if (blockStart >= 0) {
                traces.add(log.substring(blockStart, blockEnd));
            }
            blockStart = Math.max(0, log.lastIndexOf('\n', Math.max(0, frame.start() - 2)));
            blockEnd = frame.end();
        }
        if (blockStart >= 0) {
            traces.add(log.substring(blockStart, blockEnd));
        }
        return traces;
    }
}
