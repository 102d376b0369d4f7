package dev.accesskeys.exchange;

import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import dev.accesskeys.model.AccessKey;
import dev.accesskeys.service.RoleNames;

import org.keycloak.models.AuthenticatedClientSessionModel;
import org.keycloak.models.ClientModel;
import org.keycloak.models.ClientScopeModel;
import org.keycloak.models.ClientSessionContext;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.ProtocolMapperModel;
import org.keycloak.models.RealmModel;
import org.keycloak.models.RoleModel;
import org.keycloak.models.utils.RoleUtils;
import org.keycloak.rar.AuthorizationRequestContext;
import org.keycloak.services.util.DefaultClientSessionContext;

/**
 * Cuts a token down to what a key allows: scopes = requested ∩ key scopes ({@code openid} always allowed; the
 * client's default scopes outside the key are left out), roles = the user's roles ∩ the key's roles.
 */
public final class TokenScoping {

    public static final String OPENID = "openid";
    /** Prefix of the session attribute in which Keycloak's RoleResolveUtil caches resolved roles. */
    private static final String RESOLVED_ROLES_ATTRIBUTE = "RESOLVED_ROLES";

    private TokenScoping() {
    }

    public static Set<String> parse(String scopeParam) {
        if (scopeParam == null || scopeParam.isBlank()) {
            return new LinkedHashSet<>();
        }
        return Arrays.stream(scopeParam.trim().split("\\s+")).collect(Collectors.toCollection(LinkedHashSet::new));
    }

    /** @return the first requested scope the key does not allow, or null */
    public static String outsideKey(AccessKey key, String scopeParam) {
        List<String> allowed = key.getScopes();
        if (allowed == null) {
            return null;
        }
        for (String scope : parse(scopeParam)) {
            if (!OPENID.equals(scope) && !allowed.contains(scope)) {
                return scope;
            }
        }
        return null;
    }

    /**
     * The scope parameter to issue with: the requested one when given (already checked against the key), else the
     * key's scopes that this client offers (all the client's defaults when the key has no scope limit).
     */
    public static String effectiveScopeParam(AccessKey key, ClientModel client, String requested) {
        if (requested != null && !requested.isBlank()) {
            return requested.trim();
        }
        List<String> allowed = key.getScopes();
        if (allowed == null) {
            return null;
        }
        Map<String, ClientScopeModel> optional = client.getClientScopes(false);
        String scope = allowed.stream()
                .filter(s -> OPENID.equals(s) || optional.containsKey(s))
                .collect(Collectors.joining(" "));
        return scope.isEmpty() ? null : scope;
    }

    /**
     * A client-session context limited to the key: the client's own mappers stay, client scopes outside the key
     * go, and the roles are cut to the key's roles (composites of a listed role included).
     */
    public static ClientSessionContext restrict(KeycloakSession session, ClientSessionContext context,
                                                AccessKey key) {
        ClientSessionContext result = context;
        List<String> scopes = key.getScopes();
        if (scopes != null) {
            Set<ClientScopeModel> kept = context.getClientScopesStream()
                    .filter(s -> s instanceof ClientModel || scopes.contains(s.getName()))
                    .collect(Collectors.toSet());
            result = DefaultClientSessionContext.fromClientSessionAndClientScopes(context.getClientSession(), kept, null, session);
        }
        Set<RoleModel> allowed = allowedRoles(context.getClientSession().getRealm(), key);
        if (allowed != null) {
            result = new RoleLimitedContext(result, allowed);
            session.setAttribute(ClientSessionContext.class.getName(), result);
        }
        return result;
    }

    /**
     * Drops the roles Keycloak resolved for this user session and client earlier in the request
     * ({@code RoleResolveUtil} keeps them as a session attribute), so that mappers run on a cut context resolve
     * the cut roles instead of reusing the full ones.
     */
    public static void forgetResolvedRoles(KeycloakSession session, ClientSessionContext context) {
        AuthenticatedClientSessionModel clientSession = context.getClientSession();
        session.removeAttribute(RESOLVED_ROLES_ATTRIBUTE + ":" + clientSession.getUserSession().getId() + ":"
                + clientSession.getClient().getId());
    }

    /** @return the roles a token from the key may carry, composites expanded; null = no limit */
    public static Set<RoleModel> allowedRoles(RealmModel realm, AccessKey key) {
        if (key.getRoles() == null) {
            return null;
        }
        return RoleUtils.expandCompositeRoles(key.getRoles().stream()
                .map(name -> RoleNames.resolve(realm, name)).filter(r -> r != null).collect(Collectors.toSet()));
    }

    /** Delegates everything but the roles, which it cuts to a set. */
    static final class RoleLimitedContext implements ClientSessionContext {
        private final ClientSessionContext delegate;
        private final Set<RoleModel> allowed;
        private Set<RoleModel> roles;

        RoleLimitedContext(ClientSessionContext delegate, Set<RoleModel> allowed) {
            this.delegate = delegate;
            this.allowed = allowed;
        }

        @Override
        public AuthenticatedClientSessionModel getClientSession() {
            return delegate.getClientSession();
        }

        @Override
        public Set<String> getClientScopeIds() {
            return delegate.getClientScopeIds();
        }

        @Override
        public Stream<ClientScopeModel> getClientScopesStream() {
            return delegate.getClientScopesStream();
        }

        @Override
        public boolean isOfflineTokenRequested() {
            return delegate.isOfflineTokenRequested();
        }

        @Override
        public Stream<RoleModel> getRolesStream() {
            if (roles == null) {
                roles = delegate.getRolesStream().filter(allowed::contains).collect(Collectors.toSet());
            }
            return roles.stream();
        }

        @Override
        public Stream<ProtocolMapperModel> getProtocolMappersStream() {
            return delegate.getProtocolMappersStream();
        }

        @Override
        public String getScopeString() {
            return delegate.getScopeString();
        }

        @Override
        public String getScopeString(boolean ignoreIncludeInTokenScope) {
            return delegate.getScopeString(ignoreIncludeInTokenScope);
        }

        @Override
        public void setAttribute(String name, Object value) {
            delegate.setAttribute(name, value);
        }

        @Override
        public <T> T getAttribute(String attribute, Class<T> clazz) {
            return delegate.getAttribute(attribute, clazz);
        }

        @Override
        public AuthorizationRequestContext getAuthorizationRequestContext() {
            return delegate.getAuthorizationRequestContext();
        }
    }
}
