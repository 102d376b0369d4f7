package dev.accesskeys.cluster;

import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystem;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;

import dev.accesskeys.support.Http.Reply;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Upgrade as an operator does it: a Keycloak that ran the previous release (this JAR without the 20261125
 * changesets) holds keys; the JAR is replaced, {@code kc.sh build} runs again, {@code start --optimized} migrates the
 * schema through Liquibase, and every key is still there and still works.
 */
class UpgradeIT {

    private static final String DATABASE = "access_keys_upgrade";
    private static final String REALM = "upgrade";
    private static final String CHANGELOG = "META-INF/access-keys-changelog.xml";
    private static final String NEW_CHANGESETS = "META-INF/access-keys-changelog-20261125.xml";
    /** What the "previous release" applies: its own table, and the lifecycle columns its entity already maps. */
    private static final List<String> OLD_IDS = List.of("20261124-1-access-key-table", "20261128-1-key-lifecycle-columns",
            "20261128-2-secret-hash-index", "20261128-3-prev-secret-index", "20261128-4-key-id-binary");
    private static final List<String> NEW_IDS = List.of("20261124-1-access-key-table", "20261128-1-key-lifecycle-columns",
            "20261128-2-secret-hash-index", "20261128-3-prev-secret-index", "20261128-4-key-id-binary",
            "20261125-1-user-keys-by-created", "20261125-2-drop-realm-user-index", "20261128-1-search-name-prefix",
            "20261128-2-search-id-prefix", "20261128-1-last-use-fill-factor", "20261129-1-search-name-prefix-covering");
    /**
     * Changelog files the previous release did not have yet (later ones come with the current JAR as well). The
     * lifecycle changeset (20261128) adds columns the entity maps, so the "old" JAR built from this code keeps it.
     */
    private static final List<String> LATER_CHANGESETS = List.of("META-INF/access-keys-changelog-20261128-search.xml",
            "META-INF/access-keys-changelog-20261128-last-use.xml", "META-INF/access-keys-changelog-20261129-search-covering.xml");

    private static KeycloakNode node;
    private static final long CLASS_START = System.nanoTime();

    @AfterAll
    static void stopNode() {
        if (node != null) {
            node.stop();
        }
        Figures.record("UpgradeIT wall time: %d s", (System.nanoTime() - CLASS_START) / 1_000_000_000L);
    }

    @Test
    void replacingTheJarMigratesTheSchemaAndKeepsEveryKey() throws IOException {
        Postgres.recreate(DATABASE);
        KeycloakInstall install = KeycloakInstall.of("upgrade", previousRelease());
        node = new KeycloakNode("upgrade", install, 8380, 9380, 7830, DATABASE);
        node.start();
        NodeClient client = new NodeClient(node);
        String alice = client.createRealm(REALM, "alice").get("alice");

        JsonNode active = client.createKey(REALM, alice, "active", Map.of("description", "made before the upgrade",
                "scopes", List.of("profile"), "clients", List.of(NodeClient.MACHINE_CLIENT)));
        JsonNode disabled = client.createKey(REALM, alice, "disabled", Map.of());
        JsonNode revoked = client.createKey(REALM, alice, "revoked", Map.of());
        NodeClient.expect(200, client.exchange(REALM, active.get("id").asText(), active.get("secret").asText()), "use before upgrade");
        NodeClient.expect(200, client.admin("PATCH", "/" + REALM + "/access-keys/" + disabled.get("id").asText(),
                Map.of("enabled", false)), "disable");
        NodeClient.expect(200, client.admin("POST", "/" + REALM + "/access-keys/" + revoked.get("id").asText() + "/revoke", null), "revoke");
        Map<String, JsonNode> before = keysOf(client, alice);
        assertEquals(OLD_IDS, changesets(), "the previous release applied only its own changeset");
        assertTrue(Postgres.indexes(DATABASE, "ACCESS_KEY").contains("idx_access_key_realm_user"));
        assertFalse(Postgres.indexes(DATABASE, "ACCESS_KEY").contains("idx_access_key_user_created"));
        node.stop();

        long t = System.nanoTime();
        install.replaceJar(KeycloakInstall.PROJECT_JAR);
        double seconds = node.start();
        Figures.record("upgrade: JAR replaced + kc.sh build + start --optimized with migration: %.1f s (start alone %.1f s)",
                (System.nanoTime() - t) / 1e9, seconds);

        assertEquals(NEW_IDS, changesets(), "Liquibase applied the new changesets at start");
        List<String> indexes = Postgres.indexes(DATABASE, "ACCESS_KEY");
        assertTrue(indexes.contains("idx_access_key_user_created"), "new index: " + indexes);
        assertFalse(indexes.contains("idx_access_key_realm_user"), "replaced index dropped: " + indexes);
        assertTrue(indexes.contains("idx_access_key_realm_created"), indexes.toString());
        assertTrue(indexes.contains("idx_access_key_name_covering") && indexes.contains("idx_access_key_id_prefix"),
                "search indexes (20261128, 20261129): " + indexes);
        assertFalse(indexes.contains("idx_access_key_name_prefix"), "replaced by the covering index (20261129): " + indexes);

        assertEquals(List.of(Map.of("reloptions", "{fillfactor=85}")), Postgres.query(DATABASE,
                "select reloptions::text as reloptions from pg_class where relname = 'access_key'"),
                "room on each page for heap-only last-use updates (20261128 last-use)");

        assertEquals(before, keysOf(client, alice), "every key, field for field, after the upgrade");
        NodeClient.expect(200, client.exchange(REALM, active.get("id").asText(), active.get("secret").asText()), "old secret after upgrade");
        for (JsonNode refused : List.of(disabled, revoked)) {
            Reply reply = client.exchange(REALM, refused.get("id").asText(), refused.get("secret").asText());
            assertEquals(400, reply.status(), refused.get("name") + " after upgrade: " + reply);
        }
        JsonNode created = client.createKey(REALM, alice, "after the upgrade", Map.of());
        NodeClient.expect(200, client.exchange(REALM, created.get("id").asText(), created.get("secret").asText()), "new key");
        assertEquals(created.get("id").asText(), client.adminGet("/" + REALM + "/access-keys?userId=" + alice + "&max=1")
                .json().get(0).get("id").asText(), "newest first on the new index");
    }

    /** The previous release: this JAR with a changelog that does not include the 20261125 changesets yet. */
    private static Path previousRelease() throws IOException {
        Path jar = KeycloakInstall.WORK.resolve("keycloak-access-keys-before-20261125.jar");
        Files.createDirectories(jar.getParent());
        Files.copy(KeycloakInstall.PROJECT_JAR, jar, StandardCopyOption.REPLACE_EXISTING);
        try (FileSystem zip = FileSystems.newFileSystem(URI.create("jar:" + jar.toUri()), Map.of())) {
            Path changelog = zip.getPath(CHANGELOG);
            String current = Files.readString(changelog, StandardCharsets.UTF_8);
            String include = "    <include file=\"" + NEW_CHANGESETS + "\"/>\n";
            assertTrue(current.contains(include), "the JAR's changelog includes " + NEW_CHANGESETS);
            Files.writeString(changelog, current.replace(include, ""), StandardCharsets.UTF_8);
            Files.delete(zip.getPath(NEW_CHANGESETS));
            for (String later : LATER_CHANGESETS) {
                current = Files.readString(changelog, StandardCharsets.UTF_8);
                Files.writeString(changelog, current.replace("    <include file=\"" + later + "\"/>\n", ""), StandardCharsets.UTF_8);
                Files.deleteIfExists(zip.getPath(later));
            }
        }
        return jar;
    }

    private static List<String> changesets() {
        // Keycloak keeps an extension's changesets in a table of its own, DATABASECHANGELOG_<provider id>
        List<Map<String, Object>> tables = Postgres.query(DATABASE, "select table_name from information_schema.tables"
                + " where lower(table_name) like 'databasechangelog%access%'");
        assertEquals(1, tables.size(), "the extension's changelog table: " + tables);
        String table = (String) tables.get(0).get("table_name");
        return Postgres.query(DATABASE, "select id from \"" + table + "\" order by orderexecuted").stream()
                .map(row -> (String) row.get("id")).toList();
    }

    private static Map<String, JsonNode> keysOf(NodeClient client, String userId) {
        Reply list = client.adminGet("/" + REALM + "/access-keys?userId=" + userId + "&max=1000");
        NodeClient.expect(200, list, "list keys");
        Map<String, JsonNode> keys = new HashMap<>();
        list.json().forEach(k -> keys.put(k.get("id").asText(), k));
        return keys;
    }
}
