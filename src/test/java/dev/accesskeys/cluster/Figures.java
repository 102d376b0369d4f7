package dev.accesskeys.cluster;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;

/** Measured figures of the suite, printed and appended to {@code target/cluster-figures.txt}. */
final class Figures {

    static final Path FILE = KeycloakInstall.WORK.getParent().resolve("cluster-figures.txt");

    private Figures() {
    }

    static void record(String format, Object... args) {
        String line = String.format(format, args);
        System.out.println("[cluster] FIGURE " + line);
        try {
            Files.createDirectories(FILE.getParent());
            Files.writeString(FILE, line + "\n", StandardOpenOption.CREATE, StandardOpenOption.APPEND);
        } catch (IOException e) {
            throw new IllegalStateException("writing " + FILE, e);
        }
    }

    static double median(List<Double> values) {
        List<Double> sorted = values.stream().sorted().toList();
        int n = sorted.size();
        return n % 2 == 1 ? sorted.get(n / 2) : (sorted.get(n / 2 - 1) + sorted.get(n / 2)) / 2;
    }

    static double max(List<Double> values) {
        return values.stream().mapToDouble(Double::doubleValue).max().orElse(Double.NaN);
    }
}
