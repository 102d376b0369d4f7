package dev.accesskeys.leastprivilege;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import dev.accesskeys.grant.GrantFixture;
import dev.accesskeys.grant.GrantFixture.Reply;
import dev.accesskeys.support.TestUsers;

import org.keycloak.admin.client.Keycloak;
import org.keycloak.representations.idm.ClientRepresentation;
import org.keycloak.representations.idm.RoleRepresentation;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * The attacker's side of the least-privilege tests: users with and without admin roles, the grant fixture's clients
 * (machine: full scope, access keys allowed, resource-api in its audience; app-pw: app passwords) and helpers that
 * turn a key into a token and call Keycloak's own endpoints with it.
 */
final class KeyTokenFixture {

    /** Confidential, access keys allowed, no full scope: only the realm role {@code reader} in scope. */
    static final String SCOPED = "scoped-machine";
    /** Like {@link #SCOPED}, plus {@code realm-management/view-users} and {@code query-users} in scope. */
    static final String ADMIN_READER = "admin-reader";

    final GrantFixture grant;
    /** realm-management/realm-admin */
    String rootId;
    /** manage-users and view-users, no impersonation */
    String helpdeskId;
    /** manage-users, view-users and impersonation */
    String supportId;

    private KeyTokenFixture(GrantFixture grant) {
        this.grant = grant;
    }

    static KeyTokenFixture create(String base, String realmName, Keycloak admin) {
        KeyTokenFixture f = new KeyTokenFixture(new GrantFixture(base, realmName, admin));
        f.grant.setUp();
        f.rootId = f.grant.user("root", "reader");
        TestUsers.grantRealmManagementRoles(f.grant.realm, f.rootId, "realm-admin");
        f.helpdeskId = f.grant.user("helpdesk");
        TestUsers.grantRealmManagementRoles(f.grant.realm, f.helpdeskId, "manage-users", "view-users", "query-users");
        f.supportId = f.grant.user("support");
        TestUsers.grantRealmManagementRoles(f.grant.realm, f.supportId, "manage-users", "view-users", "query-users", "impersonation");
        // clients without full scope: Keycloak's admin API counts a user's role wherever the client has it in scope
        f.scopedClient(SCOPED, List.of("reader"), List.of());
        f.scopedClient(ADMIN_READER, List.of("reader"), List.of("view-users", "query-users"));
        return f;
    }

    private void scopedClient(String clientId, List<String> realmRoles, List<String> managementRoles) {
        String id = grant.client(clientId, true, true);
        ClientRepresentation created = grant.realm.clients().get(id).toRepresentation();
        created.setFullScopeAllowed(false);
        grant.realm.clients().get(id).update(created);
        List<RoleRepresentation> realmScope = new ArrayList<>();
        realmRoles.forEach(r -> realmScope.add(grant.realm.roles().get(r).toRepresentation()));
        grant.realm.clients().get(id).getScopeMappings().realmLevel().add(realmScope);
        if (!managementRoles.isEmpty()) {
            String management = grant.realm.clients().findByClientId("realm-management").get(0).getId();
            List<RoleRepresentation> clientScope = new ArrayList<>();
            managementRoles.forEach(r -> clientScope.add(grant.realm.clients().get(management).roles().get(r).toRepresentation()));
            grant.realm.clients().get(id).getScopeMappings().clientLevel(management).add(clientScope);
        }
    }

    /** A key of the user exchanged at the given client: the access token. */
    String tokenAt(String clientId, String userId, Map<String, Object> limits) {
        String[] key = grant.createKey(userId, "k-" + System.nanoTime(), limits);
        Reply reply = grant.exchange(clientId, clientId + "-secret", key[0], key[1], null);
        assertEquals(200, reply.status(), reply.body());
        return reply.text("access_token");
    }

    String realm() {
        return grant.realmName;
    }

    String url(String path) {
        return grant.base + path;
    }

    /** A key of the user made by the realm's admin client, exchanged at {@code machine}: the access token. */
    String tokenOf(String userId, Map<String, Object> limits) {
        String[] key = grant.createKey(userId, "k-" + System.nanoTime(), limits);
        return exchange(key, null);
    }

    String exchange(String[] key, String scope) {
        Reply reply = grant.exchange(key[0], key[1], scope);
        assertEquals(200, reply.status(), reply.body());
        return reply.text("access_token");
    }

    Reply get(String path, String bearer) {
        return grant.call("GET", url(path), bearer, null);
    }

    Reply send(String method, String path, String bearer, Object body) {
        return grant.call(method, url(path), bearer, body);
    }

    /** Keycloak's introspection endpoint, asked by {@code resource-api} (which is in the machine's tokens' audience). */
    Reply introspect(String token) {
        Map<String, String> form = new LinkedHashMap<>();
        form.put("token", token);
        return grant.post(url("/realms/" + realm() + "/protocol/openid-connect/token/introspect"), form,
                "resource-api:resource-api-secret");
    }

    Reply userinfo(String token) {
        return get("/realms/" + realm() + "/protocol/openid-connect/userinfo", token);
    }

    /** A password-grant login at the app-password client with key ID and secret. */
    Reply appPasswordLogin(String[] key, String scope) {
        Map<String, String> form = new LinkedHashMap<>();
        form.put("grant_type", "password");
        form.put("client_id", "app-pw");
        form.put("client_secret", "app-pw-secret");
        form.put("username", key[0]);
        form.put("password", key[1]);
        if (scope != null) {
            form.put("scope", scope);
        }
        return grant.post(grant.tokenUrl(), form, null);
    }

    Reply refresh(String refreshToken) {
        Map<String, String> form = new LinkedHashMap<>();
        form.put("grant_type", "refresh_token");
        form.put("client_id", "app-pw");
        form.put("client_secret", "app-pw-secret");
        form.put("refresh_token", refreshToken);
        return grant.post(grant.tokenUrl(), form, null);
    }

    /** A user's token from a password login at {@code admin-cli} of this realm. */
    String passwordToken(String username) {
        Map<String, String> form = new LinkedHashMap<>();
        form.put("grant_type", "password");
        form.put("client_id", "admin-cli");
        form.put("username", username);
        form.put("password", "password");
        Reply reply = grant.post(grant.tokenUrl(), form, null);
        assertEquals(200, reply.status(), reply.body());
        return reply.text("access_token");
    }

    static Map<String, Object> limits(Object... pairs) {
        Map<String, Object> map = new LinkedHashMap<>();
        for (int i = 0; i < pairs.length; i += 2) {
            map.put((String) pairs[i], pairs[i + 1]);
        }
        return map;
    }

    static List<String> list(String... values) {
        return List.of(values);
    }
}
