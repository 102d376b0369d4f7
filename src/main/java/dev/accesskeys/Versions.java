package dev.accesskeys;

import java.util.Map;

/** The extension's version, as the admin console's server info shows it. */
public final class Versions {

    private Versions() {
    }

    public static String version() {
        String version = Versions.class.getPackage().getImplementationVersion();
        return version == null ? "development" : version;
    }

    public static Map<String, String> operationalInfo() {
        return Map.of("version", version());
    }
}
