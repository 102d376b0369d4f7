package dev.accesskeys.support;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * The suite's external database (the -Ppostgres or -Pmariadb run), read with its own command-line client, so that a
 * test sees the rows themselves rather than what the server makes of them. Absent on the embedded H2 database, which
 * lives inside the server process.
 */
public final class ExternalDatabase {

    private final String vendor;

    private ExternalDatabase(String vendor) {
        this.vendor = vendor;
    }

    /** The suite's external database, or null on H2. */
    public static ExternalDatabase ofSuite() {
        String vendor = System.getProperty("kc.test.database.vendor", "");
        return vendor.equals("postgres") || vendor.equals("mariadb") ? new ExternalDatabase(vendor) : null;
    }

    public String vendor() {
        return vendor;
    }

    /** The rows of a query, each as its cells (whitespace-separated values; NULL as an empty cell on neither side). */
    public List<String[]> query(String sql) {
        List<String> command = vendor.equals("postgres")
                ? List.of("psql", "-h", "127.0.0.1", "-U", "postgres", "-d", "access_keys_it", "-At", "-F", " ", "-c", sql)
                : List.of("mariadb", "-h", "127.0.0.1", "-u", "access_keys", "-paccess_keys", "access_keys_it", "-N", "-B", "-e", sql);
        try {
            Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
            String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            assertEquals(0, process.waitFor(), out);
            List<String[]> rows = new ArrayList<>();
            for (String line : out.split("\\R")) {
                if (!line.isBlank()) {
                    rows.add(line.trim().split("\\s+"));
                }
            }
            return rows;
        } catch (IOException e) {
            throw new IllegalStateException("running " + command.get(0), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
