package dev.accesskeys;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.lang.reflect.Modifier;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.keycloak.provider.ProviderFactory;
import org.keycloak.provider.Spi;

/**
 * The {@code META-INF/services} files Keycloak reads to find the providers: every class they list exists, is concrete
 * and implements the file's interface, and every provider factory and SPI of the project is listed (a factory left
 * out would silently not exist on the server).
 */
class ServiceFilesTest {

    private static final Path CLASSES = Path.of("target/classes");
    private static final Path SERVICES = CLASSES.resolve("META-INF/services");

    @Test
    void everyListedClassImplementsItsService() throws Exception {
        Map<String, List<String>> listed = listed();
        assertFalse(listed.isEmpty(), "service files under " + SERVICES);
        for (Map.Entry<String, List<String>> file : listed.entrySet()) {
            Class<?> service = load(file.getKey());
            for (String name : file.getValue()) {
                Class<?> implementation = load(name);
                assertTrue(service.isAssignableFrom(implementation), name + " implements " + file.getKey());
                assertFalse(implementation.isInterface() || Modifier.isAbstract(implementation.getModifiers()),
                        name + " can be instantiated");
            }
        }
    }

    @Test
    void everyFactoryAndSpiIsListed() throws Exception {
        Map<String, List<String>> listed = listed();
        for (Class<?> type : projectClasses()) {
            boolean provider = ProviderFactory.class.isAssignableFrom(type) || Spi.class.isAssignableFrom(type);
            if (!provider || type.isInterface() || Modifier.isAbstract(type.getModifiers())) {
                continue;
            }
            boolean found = listed.entrySet().stream().anyMatch(file -> file.getValue().contains(type.getName())
                    && load(file.getKey()).isAssignableFrom(type));
            assertTrue(found, type.getName() + " is listed in a META-INF/services file of an interface it implements");
        }
    }

    private static Map<String, List<String>> listed() throws IOException {
        Map<String, List<String>> listed = new HashMap<>();
        try (Stream<Path> files = Files.list(SERVICES)) {
            for (Path file : files.toList()) {
                List<String> names = new ArrayList<>();
                for (String line : Files.readAllLines(file)) {
                    String name = line.replaceAll("#.*", "").trim();
                    if (!name.isEmpty()) {
                        names.add(name);
                    }
                }
                listed.put(file.getFileName().toString(), names);
            }
        }
        return listed;
    }

    private static List<Class<?>> projectClasses() throws IOException {
        Path root = CLASSES.resolve("dev/accesskeys");
        try (Stream<Path> files = Files.walk(root)) {
            return files.filter(f -> f.toString().endsWith(".class") && !f.getFileName().toString().contains("$"))
                    .map(f -> CLASSES.relativize(f).toString().replace('/', '.').replaceAll("\\.class$", ""))
                    .<Class<?>>map(ServiceFilesTest::load)
                    .toList();
        }
    }

    private static Class<?> load(String name) {
        try {
            return Class.forName(name, false, ServiceFilesTest.class.getClassLoader());
        } catch (ClassNotFoundException e) {
            throw new AssertionError("class " + name + " not found", e);
        }
    }
}
