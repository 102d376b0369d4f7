package dev.accesskeys.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.TimeUnit;

/** Runs a snippet from the page in bash exactly as shown ({@code bash -c}, nothing replaced). */
final class Bash {

    private Bash() {
    }

    /** @return what the snippet printed; fails unless it exits 0 within 30 s */
    static String run(String snippet) {
        try {
            Process process = new ProcessBuilder("bash", "-c", snippet).redirectErrorStream(true).start();
            assertTrue(process.waitFor(30, TimeUnit.SECONDS), "snippet still running after 30 s:\n" + snippet);
            String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            assertEquals(0, process.exitValue(), "exit status of\n" + snippet + "\noutput:\n" + output);
            return output;
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
