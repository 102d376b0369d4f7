package dev.accesskeys.service;

import java.io.IOException;
import java.security.SecureRandom;
import java.util.Comparator;
import java.util.List;
import java.util.Properties;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import dev.accesskeys.AccessKeys;
import dev.accesskeys.cache.KeyInvalidation;
import dev.accesskeys.cache.VerifiedKeyCache;
import dev.accesskeys.model.AccessKey;
import dev.accesskeys.model.AccessKeyProvider;
import dev.accesskeys.model.AccessKeyQuery;
import dev.accesskeys.model.AccessKeyStatus;
import dev.accesskeys.model.KeyPolicy;
import dev.accesskeys.model.NewAccessKey;
import dev.accesskeys.model.OwnerBusyException;

import org.keycloak.common.util.Time;
import org.keycloak.models.ClientModel;
import org.keycloak.models.ClientScopeModel;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;
import org.keycloak.models.RoleModel;
import org.keycloak.models.UserModel;
import org.keycloak.models.utils.RoleUtils;
import org.keycloak.protocol.oidc.OIDCLoginProtocol;
import org.keycloak.theme.Theme;

/**
 * The one owner of the rules of access keys: generation and hashing of secrets, status, the realm policy, validation
 * and verification. The REST resources, the grant and the authenticator all go through it.
 */
public final class AccessKeyService {

    private static final SecretGenerator GENERATOR = new SecretGenerator(new SecureRandom());
    private static final LastUseRecorder LAST_USE = new LastUseRecorder();
    private static final VerifiedKeyCache VERIFIED = VerifiedKeyCache.node();
    private static final String OPENID = "openid";
    /** Length of the ID column. */
    private static final int MAX_ID_LENGTH = 64;

    private final KeycloakSession session;
    private final RealmModel realm;
    private final AccessKeyProvider store;

    public AccessKeyService(KeycloakSession session, RealmModel realm) {
        this.session = session;
        this.realm = realm;
        this.store = session.getProvider(AccessKeyProvider.class);
        VERIFIED.listen(session);
    }

    public long now() {
        return Time.currentTimeMillis();
    }

    // ---- policy -----------------------------------------------------------------------------------------------

    public KeyPolicy policy() {
        return PolicyStore.read(realm);
    }

    public KeyPolicy updatePolicy(KeyPolicy policy) {
        PolicyRules.validate(policy);
        PolicyStore.write(realm, policy);
        return policy;
    }

    // ---- reading ----------------------------------------------------------------------------------------------

    /** @return the key of this realm, or a 404 refusal */
    public AccessKey require(String id) {
        AccessKey key = lookup(id);
        if (key == null) {
            throw AccessKeyException.notFound("no access key '" + AccessKeyException.shown(id) + "'");
        }
        return key;
    }

    /** @return the owner's key, or a 404 refusal that says the same for another user's key as for none */
    public AccessKey requireOwned(UserModel owner, String id) {
        AccessKey key = lookup(id);
        if (key == null || !key.getUserId().equals(owner.getId())) {
            throw AccessKeyException.notFound("no access key '" + AccessKeyException.shown(id) + "'");
        }
        return key;
    }

    /** @return the key of this realm with that ID, or null; IDs that cannot be stored are not looked up */
    private AccessKey lookup(String id) {
        return id == null || id.isEmpty() || id.length() > MAX_ID_LENGTH ? null : store.getById(realm, id);
    }

    public List<AccessKey> list(AccessKeyQuery query) {
        try (Stream<AccessKey> keys = store.search(realm, query, now())) {
            return keys.toList();
        }
    }

    /** How many keys match the query's filters (its paging and order do not count). */
    public long count(AccessKeyQuery query) {
        return store.count(realm, query, now());
    }

    public AccessKeyStatus status(AccessKey key) {
        return key.getStatus(now());
    }

    // ---- changes ----------------------------------------------------------------------------------------------

    public IssuedKey create(UserModel owner, KeyChanges fields, String createdBy) {
        long now = now();
        KeyPolicy policy = policy();
        String name = FieldRules.name(fields.name() == null ? null : fields.name().value());
        String description = fields.description() == null ? null : FieldRules.description(fields.description().value());
        Long expiresAt = newExpiry(fields.expiresAt(), policy, now);
        List<String> scopes = scopes(fields.scopes() == null ? null : fields.scopes().value());
        List<String> clients = clients(fields.clients() == null ? null : fields.clients().value());
        List<String> roles = roles(fields.roles() == null ? null : fields.roles().value());
        boolean enabled = fields.enabled() == null || fields.enabled().value() == null || fields.enabled().value();

        List<String> keyNames = lockOwnerAndReadKeyNames(owner.getId());
        if (keyNames.size() >= policy.maxKeysPerUser()) {
            throw AccessKeyException.badRequest("the user already has " + keyNames.size()
                    + " keys that are not revoked, the most the realm allows is " + policy.maxKeysPerUser()
                    + " (maxKeysPerUser); revoke or delete one first");
        }
        requireNameFree(keyNames, name);

        String secret = GENERATOR.newSecret();
        AccessKey key = store.create(realm, new NewAccessKey(GENERATOR.newKeyId(), owner.getId(), name, description,
                SecretHasher.hash(secret), enabled, scopes, clients, roles, now, createdBy, expiresAt));
        return new IssuedKey(key, secret);
    }

    public AccessKey update(AccessKey key, KeyChanges changes) {
        requireNotRevoked(key);
        invalidateVerified(key);
        if (changes.name() != null) {
            String name = FieldRules.name(changes.name().value());
            if (!name.equals(key.getName())) {
                requireNameFree(lockOwnerAndReadKeyNames(key.getUserId()), name);
            }
            key.setName(name);
        }
        if (changes.description() != null) {
            key.setDescription(FieldRules.description(changes.description().value()));
        }
        if (changes.expiresAt() != null) {
            key.setExpiresAt(changedExpiry(changes.expiresAt().value(), key.getCreatedAt()));
        }
        if (changes.scopes() != null) {
            key.setScopes(scopes(changes.scopes().value()));
        }
        if (changes.clients() != null) {
            key.setClients(clients(changes.clients().value()));
        }
        if (changes.roles() != null) {
            key.setRoles(roles(changes.roles().value()));
        }
        if (changes.enabled() != null) {
            if (changes.enabled().value() == null) {
                throw AccessKeyException.invalid("enabled", "must be true or false");
            }
            key.setEnabled(changes.enabled().value());
        }
        return key;
    }

    /** Revokes for good; revoking a revoked key changes nothing. @return whether the key changed */
    public boolean revoke(AccessKey key) {
        if (key.getRevokedAt() != null) {
            return false;
        }
        key.setRevokedAt(now());
        key.setEnabled(false);
        invalidateVerified(key);
        return true;
    }

    /** A new secret for the same key ID; the old secret stops working when the transaction commits. */
    public IssuedKey rotate(AccessKey key) {
        requireNotRevoked(key);
        String secret = GENERATOR.newSecret();
        key.setSecretHash(SecretHasher.hash(secret));
        invalidateVerified(key);
        return new IssuedKey(key, secret);
    }

    public void delete(AccessKey key) {
        if (policy().deleteRequiresInactive() && status(key) == AccessKeyStatus.ACTIVE) {
            throw AccessKeyException.conflict("the realm policy requires a key to be disabled or revoked before it is deleted (deleteRequiresInactive)");
        }
        store.remove(realm, key.getId());
        invalidateVerified(key);
        LAST_USE.forget(key.getId());
    }

    // ---- use --------------------------------------------------------------------------------------------------

    /**
     * Checks a presented key ID and secret. The secret is hashed and compared in constant time whether or not the
     * key ID exists, so an unknown ID costs the same as a wrong secret.
     */
    public KeyVerification verify(String keyId, String secret) {
        long now = now();
        String presented = SecretHasher.hash(secret == null ? "" : secret);
        AccessKey key = keyId == null ? null : VERIFIED.get(realm.getId(), keyId, now);
        if (key == null || !SecretHasher.matches(presented, key.getSecretHash())) {
            // not verified on this node yet, or another secret: read the stored key (unknown IDs take this path too)
            long generation = VERIFIED.generation();
            key = lookup(keyId);
            boolean secretMatches = SecretHasher.matches(presented, key == null ? SecretHasher.NO_KEY_HASH : key.getSecretHash());
            if (key == null) {
                return new KeyVerification(KeyVerification.Outcome.UNKNOWN_KEY, null, null);
            }
            if (!secretMatches) {
                return new KeyVerification(KeyVerification.Outcome.WRONG_SECRET, key, null);
            }
            if (key.getStatus(now) == AccessKeyStatus.ACTIVE) {
                VERIFIED.put(key, generation, now);
            }
        }
        switch (key.getStatus(now)) {
            case REVOKED:
                return new KeyVerification(KeyVerification.Outcome.REVOKED, key, null);
            case EXPIRED:
                return new KeyVerification(KeyVerification.Outcome.EXPIRED, key, null);
            case DISABLED:
                return new KeyVerification(KeyVerification.Outcome.DISABLED, key, null);
            default:
                break;
        }
        UserModel owner = session.users().getUserById(realm, key.getUserId());
        if (owner == null) {
            return new KeyVerification(KeyVerification.Outcome.UNKNOWN_KEY, key, null);
        }
        if (!owner.isEnabled()) {
            return new KeyVerification(KeyVerification.Outcome.OWNER_DISABLED, key, owner);
        }
        return new KeyVerification(KeyVerification.Outcome.VALID, key, owner);
    }

    /** Whether the key may be exchanged at this client (its {@code clients} list, if any, names it). */
    public boolean allowsClient(AccessKey key, ClientModel client) {
        List<String> clients = key.getClients();
        return clients == null || clients.contains(client.getClientId());
    }

    /** Notes a successful use: at most one database write per key per minute, whatever the load. */
    public void recordUse(AccessKey key, String ip) {
        long now = now();
        if (LAST_USE.claim(key.getId(), now)) {
            store.recordUse(realm, key.getId(), now, ip, now - LastUseRecorder.INTERVAL_MILLIS + 1);
        }
    }

    /** Drops every node's verified copy of the key once this change commits (see {@link VerifiedKeyCache}). */
    private void invalidateVerified(AccessKey key) {
        VERIFIED.invalidateAfterCompletion(session, KeyInvalidation.ofKey(realm.getId(), key.getId()));
    }

    // ---- choices ----------------------------------------------------------------------------------------------

    public KeyOptions options(UserModel user) {
        InternalChoices internal = new InternalChoices(realm);
        Properties messages = accountMessages(user);
        List<KeyOptions.ScopeOption> scopes = realm.getClientScopesStream()
                .filter(s -> OIDCLoginProtocol.LOGIN_PROTOCOL.equals(s.getProtocol()))
                .sorted(Comparator.comparing(ClientScopeModel::getName))
                .map(s -> new KeyOptions.ScopeOption(s.getName(), s.getDescription(), displayName(s, messages),
                        internal.scope(s)))
                .toList();
        List<KeyOptions.ClientOption> clients = realm.getClientsStream()
                .filter(c -> Boolean.parseBoolean(c.getAttribute(AccessKeys.CLIENT_GRANT_ENABLED_ATTRIBUTE)))
                .sorted(Comparator.comparing(ClientModel::getClientId))
                .map(c -> new KeyOptions.ClientOption(c.getClientId(), c.getName(), AppPasswords.accepted(realm, c)))
                .toList();
        Set<RoleModel> userRoles = RoleUtils.expandCompositeRoles(RoleUtils.getDeepUserRoleMappings(user));
        List<KeyOptions.RoleOption> roles = userRoles.stream()
                .map(r -> new KeyOptions.RoleOption(roleName(r), r.getDescription(), internal.role(r)))
                .sorted(Comparator.comparing(KeyOptions.RoleOption::name))
                .collect(Collectors.toList());
        return new KeyOptions(scopes, clients, roles, policy(), store.countNotRevoked(realm, user.getId()));
    }

    /** The scope's consent text ({@code ${key}} resolved with the account theme's messages), else its name. */
    private static String displayName(ClientScopeModel scope, Properties messages) {
        String text = scope.getAttribute(ClientScopeModel.CONSENT_SCREEN_TEXT);
        if (text == null || text.isBlank()) {
            return scope.getName();
        }
        if (text.startsWith("${") && text.endsWith("}")) {
            return messages.getProperty(text.substring(2, text.length() - 1), scope.getName());
        }
        return text;
    }

    private Properties accountMessages(UserModel user) {
        try {
            return session.theme().getTheme(Theme.Type.ACCOUNT).getMessages(session.getContext().resolveLocale(user));
        } catch (IOException | RuntimeException e) {
            return new Properties();
        }
    }

    /** The name a key's {@code roles} list uses for a role: {@code role} or {@code clientId/role}. */
    public static String roleName(RoleModel role) {
        if (role.isClientRole()) {
            return ((ClientModel) role.getContainer()).getClientId() + "/" + role.getName();
        }
        return role.getName();
    }

    /** @return the role a key's {@code roles} entry names, or null */
    public RoleModel resolveRole(String name) {
        int slash = name.indexOf('/');
        if (slash > 0) {
            ClientModel client = realm.getClientByClientId(name.substring(0, slash));
            RoleModel role = client == null ? null : client.getRole(name.substring(slash + 1));
            if (role != null) {
                return role;
            }
        }
        return realm.getRole(name);
    }

    // ---- rules ------------------------------------------------------------------------------------------------

    private List<String> lockOwnerAndReadKeyNames(String userId) {
        try {
            return store.lockOwnerAndReadKeyNames(realm, userId);
        } catch (OwnerBusyException e) {
            throw AccessKeyException.busy("other changes to this user's keys are in progress; nothing was changed, try again");
        }
    }

    private void requireNotRevoked(AccessKey key) {
        if (key.getRevokedAt() != null) {
            throw AccessKeyException.conflict("access key '" + key.getId() + "' is revoked and can no longer be changed");
        }
    }

    private static void requireNameFree(List<String> keyNames, String name) {
        if (keyNames.contains(name)) {
            throw AccessKeyException.conflict("name: the user already has a key named '" + name + "' that is not revoked");
        }
    }

    private static Long newExpiry(Change<Long> requested, KeyPolicy policy, long now) {
        if (requested == null || requested.value() == null) {
            // absent: the policy's default; an explicit null asks for no expiry
            Long expiry = requested == null ? policy.defaultExpiry(now) : null;
            if (expiry == null && !policy.allowsNoExpiry()) {
                throw AccessKeyException.invalid("expiresAt", "the realm policy requires an expiry");
            }
            return expiry;
        }
        return boundedExpiry(requested.value(), policy, now, now);
    }

    private Long changedExpiry(Long requested, long createdAt) {
        KeyPolicy policy = policy();
        if (requested == null) {
            if (!policy.allowsNoExpiry()) {
                throw AccessKeyException.invalid("expiresAt", "the realm policy requires an expiry");
            }
            return null;
        }
        return boundedExpiry(requested, policy, createdAt, now());
    }

    private static long boundedExpiry(long expiresAt, KeyPolicy policy, long createdAt, long now) {
        FieldRules.timestamp("expiresAt", expiresAt);
        if (expiresAt <= now) {
            throw AccessKeyException.invalid("expiresAt", "must be in the future");
        }
        Long latest = policy.latestExpiry(createdAt);
        if (latest != null && expiresAt > latest) {
            throw AccessKeyException.invalid("expiresAt", "exceeds the realm's maximum key lifetime of "
                    + policy.maxLifetimeDays() + " days from creation (maxLifetimeDays)");
        }
        return expiresAt;
    }

    private List<String> scopes(List<String> requested) {
        List<String> scopes = FieldRules.list("scopes", requested);
        if (scopes != null) {
            Set<String> known = realm.getClientScopesStream().map(ClientScopeModel::getName).collect(Collectors.toSet());
            for (String scope : scopes) {
                if (!OPENID.equals(scope) && !known.contains(scope)) {
                    throw AccessKeyException.invalid("scopes", "unknown client scope '" + AccessKeyException.shown(scope) + "'");
                }
            }
        }
        return scopes;
    }

    private List<String> clients(List<String> requested) {
        List<String> clients = FieldRules.list("clients", requested);
        if (clients != null) {
            for (String clientId : clients) {
                if (realm.getClientByClientId(clientId) == null) {
                    throw AccessKeyException.invalid("clients", "unknown client '" + AccessKeyException.shown(clientId) + "'");
                }
            }
        }
        return clients;
    }

    private List<String> roles(List<String> requested) {
        List<String> roles = FieldRules.list("roles", requested);
        if (roles != null) {
            for (String role : roles) {
                if (resolveRole(role) == null) {
                    throw AccessKeyException.invalid("roles", "unknown role '" + AccessKeyException.shown(role) + "'");
                }
            }
        }
        return roles;
    }
}
