package dev.accesskeys.support;

import static dev.accesskeys.support.AccessKeysApi.secretOf;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import dev.accesskeys.AccessKeys;

import org.keycloak.representations.idm.AuthenticationExecutionExportRepresentation;
import org.keycloak.representations.idm.AuthenticationFlowRepresentation;
import org.keycloak.representations.idm.ClientRepresentation;
import org.keycloak.representations.idm.ProtocolMapperRepresentation;
import org.keycloak.representations.idm.RealmRepresentation;
import org.keycloak.representations.idm.ScopeMappingRepresentation;
import org.keycloak.testframework.realm.RealmBuilder;

/**
 * The clients, flow and policy of the grant and least-privilege realms, declared for the realm configs:
 * <ul>
 * <li>{@code machine}: confidential, full scope, the grant allowed, {@code resource-api} in its tokens' audience;</li>
 * <li>{@code resource-api}: a confidential resource server that introspects tokens (Keycloak 26.7 requires it in the
 * token's audience);</li>
 * <li>{@code machine-off} (grant not allowed), {@code other} (allowed), {@code public-machine} (public, allowed);</li>
 * <li>{@code app-pw}: app passwords, its direct grant bound to a flow that runs only the access-key authenticator,
 * with the limits mapper;</li>
 * <li>with {@link #scopedClients}: {@code scoped-machine} (no full scope, realm role {@code reader} in scope) and
 * {@code admin-reader} (also {@code realm-management/view-users} and {@code query-users}).</li>
 * </ul>
 * Confidential clients' secrets are {@code <clientId>-secret} ({@link AccessKeysApi#secretOf}). The realm policy
 * allows 50 keys per user (realm attribute {@code accessKeys.maxKeysPerUser}, see docs/policy.md).
 */
public final class GrantClients {

    /** Confidential, the grant allowed, no full scope: only the realm role {@code reader} in scope. */
    public static final String SCOPED = "scoped-machine";
    /** Like {@link #SCOPED}, plus {@code realm-management/view-users} and {@code query-users} in scope. */
    public static final String ADMIN_READER = "admin-reader";
    /** The app-password client. */
    public static final String APP_PASSWORDS = "app-pw";
    static final String APP_PASSWORD_FLOW = "access-key-direct-grant";

    private GrantClients() {
    }

    /** Realm roles reader, writer, admin-ish; the grant clients, the app-password flow and a policy of 50 keys per user. */
    public static RealmBuilder grantRealm(RealmBuilder realm) {
        String flowId = UUID.randomUUID().toString();
        ProtocolMapperRepresentation audience = mapper("resource-api audience", "oidc-audience-mapper",
                Map.of("included.client.audience", "resource-api", "access.token.claim", "true", "introspection.token.claim", "true"));
        ClientRepresentation machine = client(AccessKeysApi.MACHINE, true, true);
        machine.setProtocolMappers(List.of(audience));
        ClientRepresentation appPasswords = client(APP_PASSWORDS, true, true);
        appPasswords.setDirectAccessGrantsEnabled(true);
        appPasswords.setAuthenticationFlowBindingOverrides(Map.of("direct_grant", flowId));
        appPasswords.setProtocolMappers(List.of(mapper("access key limits", "access-key-limits-mapper",
                Map.of("access.token.claim", "true", "introspection.token.claim", "true"))));
        return realm.realmRoles("reader", "writer", "admin-ish")
                .attribute("accessKeys.maxKeysPerUser", "50")
                .clients(machine, client("resource-api", true, false), client("machine-off", true, false),
                        client("other", true, true), client("public-machine", false, true), appPasswords)
                .update(rep -> flows(rep).add(appPasswordFlow(flowId)));
    }

    /** {@link #SCOPED} and {@link #ADMIN_READER}: Keycloak's admin API counts a user's role wherever the client has it in scope. */
    public static RealmBuilder scopedClients(RealmBuilder realm) {
        ClientRepresentation scoped = client(SCOPED, true, true);
        scoped.setFullScopeAllowed(false);
        ClientRepresentation adminReader = client(ADMIN_READER, true, true);
        adminReader.setFullScopeAllowed(false);
        return realm.clients(scoped, adminReader).update(rep -> {
            rep.clientScopeMapping(SCOPED).role("reader");
            rep.clientScopeMapping(ADMIN_READER).role("reader");
            if (rep.getClientScopeMappings() == null) {
                rep.setClientScopeMappings(new HashMap<>());
            }
            rep.getClientScopeMappings().computeIfAbsent("realm-management", c -> new ArrayList<>())
                    .add(scope(ADMIN_READER, "view-users", "query-users"));
        });
    }

    /** A client as the grant tests use them: no browser or password login, full scope, the grant allowed or not. */
    public static ClientRepresentation client(String clientId, boolean confidential, boolean grantEnabled) {
        ClientRepresentation client = new ClientRepresentation();
        client.setClientId(clientId);
        client.setEnabled(true);
        client.setPublicClient(!confidential);
        if (confidential) {
            client.setSecret(secretOf(clientId));
        }
        client.setStandardFlowEnabled(false);
        client.setDirectAccessGrantsEnabled(false);
        client.setFullScopeAllowed(true);
        Map<String, String> attributes = new HashMap<>();
        attributes.put(AccessKeys.CLIENT_GRANT_ENABLED_ATTRIBUTE, Boolean.toString(grantEnabled));
        client.setAttributes(attributes);
        return client;
    }

    private static AuthenticationFlowRepresentation appPasswordFlow(String id) {
        AuthenticationExecutionExportRepresentation execution = new AuthenticationExecutionExportRepresentation();
        execution.setAuthenticator("access-key-authenticator");
        execution.setRequirement("REQUIRED");
        execution.setPriority(0);
        execution.setAuthenticatorFlow(false);
        execution.setUserSetupAllowed(false);
        AuthenticationFlowRepresentation flow = new AuthenticationFlowRepresentation();
        flow.setId(id);
        flow.setAlias(APP_PASSWORD_FLOW);
        flow.setProviderId("basic-flow");
        flow.setTopLevel(true);
        flow.setBuiltIn(false);
        flow.setDescription("app passwords");
        flow.setAuthenticationExecutions(new ArrayList<>(List.of(execution)));
        return flow;
    }

    private static List<AuthenticationFlowRepresentation> flows(RealmRepresentation rep) {
        if (rep.getAuthenticationFlows() == null) {
            rep.setAuthenticationFlows(new ArrayList<>());
        }
        return rep.getAuthenticationFlows();
    }

    private static ProtocolMapperRepresentation mapper(String name, String type, Map<String, String> config) {
        ProtocolMapperRepresentation mapper = new ProtocolMapperRepresentation();
        mapper.setName(name);
        mapper.setProtocol("openid-connect");
        mapper.setProtocolMapper(type);
        mapper.setConfig(config);
        return mapper;
    }

    private static ScopeMappingRepresentation scope(String clientId, String... roles) {
        ScopeMappingRepresentation mapping = new ScopeMappingRepresentation();
        mapping.setClient(clientId);
        for (String role : roles) {
            mapping.role(role);
        }
        return mapping;
    }
}
