package dev.accesskeys.cluster;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The local PostgreSQL of scripts/prepare-databases.sh (127.0.0.1:5432, trust auth): a fresh database per test
 * class, and plain SQL reads of what Keycloak wrote.
 */
final class Postgres {

    static final String USER = "postgres";
    private static final String URL = "jdbc:postgresql://127.0.0.1:5432/";

    private Postgres() {
    }

    /** Drops {@code database} (closing any connection left over from an earlier run) and creates it empty. */
    static void recreate(String database) {
        if (!database.matches("[a-z_]+")) {
            throw new IllegalArgumentException(database);
        }
        try (Connection c = DriverManager.getConnection(URL + "postgres", USER, "");
             Statement s = c.createStatement()) {
            s.execute("DROP DATABASE IF EXISTS " + database + " WITH (FORCE)");
            s.execute("CREATE DATABASE " + database);
        } catch (SQLException e) {
            throw new IllegalStateException("recreating database " + database
                    + " (is PostgreSQL running? scripts/prepare-databases.sh starts it)", e);
        }
    }

    /** The key's {@code LAST_USED_AT} as stored, or null if none is written yet. */
    static Long lastUsedAt(String database, String keyId) {
        Object stored = query(database, "SELECT last_used_at FROM access_key WHERE id = ?", keyId).get(0).get("last_used_at");
        return stored == null ? null : ((Number) stored).longValue();
    }

    /** Rows of {@code sql} as column (lower case) → value maps. */
    static List<Map<String, Object>> query(String database, String sql, Object... parameters) {
        try (Connection c = DriverManager.getConnection(URL + database, USER, "");
             var statement = c.prepareStatement(sql)) {
            for (int i = 0; i < parameters.length; i++) {
                statement.setObject(i + 1, parameters[i]);
            }
            try (ResultSet rs = statement.executeQuery()) {
                ResultSetMetaData meta = rs.getMetaData();
                List<Map<String, Object>> rows = new ArrayList<>();
                while (rs.next()) {
                    Map<String, Object> row = new LinkedHashMap<>();
                    for (int i = 1; i <= meta.getColumnCount(); i++) {
                        row.put(meta.getColumnLabel(i).toLowerCase(), rs.getObject(i));
                    }
                    rows.add(row);
                }
                return rows;
            }
        } catch (SQLException e) {
            throw new IllegalStateException(sql, e);
        }
    }

    /** Names of the indexes on {@code table} (lower case, as PostgreSQL folds unquoted names). */
    static List<String> indexes(String database, String table) {
        return query(database, "select indexname from pg_indexes where tablename = ? order by indexname", table.toLowerCase())
                .stream().map(row -> (String) row.get("indexname")).toList();
    }
}
