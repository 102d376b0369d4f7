package dev.accesskeys.security;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** Where the security suite writes its figures and tables: {@code target/security-reports}. */
final class Reports {

    static final Path DIRECTORY = Path.of("target", "security-reports");

    private Reports() {
    }

    static void write(String name, String content) {
        try {
            Files.createDirectories(DIRECTORY);
            Files.writeString(DIRECTORY.resolve(name), content);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
