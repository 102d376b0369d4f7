package dev.accesskeys.leastprivilege;

import java.util.List;
import java.util.Map;

import dev.accesskeys.support.AccessKeysApi;

/**
 * The people of the least-privilege tests, created in the test's realm on first use: alice (realm roles reader and
 * writer), bob (reader), root (reader and realm-management/realm-admin), helpdesk (manage-users and view-users, no
 * impersonation) and support (the same with impersonation); and their keys turned into tokens.
 */
final class Cast {

    private Cast() {
    }

    static String alice(AccessKeysApi api) {
        return api.userWithRealmRoles("alice", "reader", "writer");
    }

    static String bob(AccessKeysApi api) {
        return api.userWithRealmRoles("bob", "reader");
    }

    static String root(AccessKeysApi api) {
        return api.user("root", List.of("reader"), List.of("realm-admin"));
    }

    static String helpdesk(AccessKeysApi api) {
        return api.user("helpdesk", List.of(), List.of("manage-users", "view-users", "query-users"));
    }

    static String support(AccessKeysApi api) {
        return api.user("support", List.of(), List.of("manage-users", "view-users", "query-users", "impersonation"));
    }

    /** A password login of the user at {@code admin-cli}: the access token (a member of the cast is created first). */
    static String login(AccessKeysApi api, String username) {
        switch (username) {
            case "alice" -> alice(api);
            case "bob" -> bob(api);
            case "root" -> root(api);
            case "helpdesk" -> helpdesk(api);
            case "support" -> support(api);
            default -> {
            }
        }
        return api.token(username);
    }

    /** A new key of the user, exchanged at {@code machine}: the access token. */
    static String tokenOf(AccessKeysApi api, String userId, Map<String, Object> limits) {
        return api.tokenOf(api.createKey(userId, "k-" + System.nanoTime(), limits), null);
    }

    /** A new key of the user, exchanged at the given client: the access token. */
    static String tokenAt(AccessKeysApi api, String clientId, String userId, Map<String, Object> limits) {
        return api.tokenAt(clientId, api.createKey(userId, "k-" + System.nanoTime(), limits));
    }
}
