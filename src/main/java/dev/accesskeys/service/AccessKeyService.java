package dev.accesskeys.service;

import java.io.IOException;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Properties;
import java.util.Set;
import java.util.function.Predicate;
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

    /**
     * Replaces the policy; a policy that requires expiries or limits lifetimes also binds the existing keys: every
     * key that breaks it gets the latest expiry it allows, counted from now ({@link KeyPolicy#bindingExpiry}).
     */
    public PolicyUpdate updatePolicy(KeyPolicy policy) {
        PolicyRules.validate(policy);
        PolicyStore.write(realm, policy);
        Long latest = policy.bindingExpiry(now());
        int changed = latest == null ? 0 : store.bindExpiry(realm, latest, policy.maxLifetimeDays() == null);
        if (changed > 0) {
            VERIFIED.invalidateAfterCompletion(session, KeyInvalidation.ofRealm(realm.getId()));
        }
        return new PolicyUpdate(policy, changed);
    }

    /** A policy as stored, and how many existing keys it gave a (shorter) expiry. */
    public record PolicyUpdate(KeyPolicy policy, int keysChanged) {
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

    /**
     * A page of the keys that match the query and the filter (e.g. owners an admin may view): reads the store in
     * pages until {@code query.max()} keys after the first {@code query.first()} matches are found.
     */
    public List<AccessKey> listWhere(AccessKeyQuery query, Predicate<AccessKey> filter) {
        List<AccessKey> page = new ArrayList<>();
        int skip = query.first();
        int batch = Math.max(query.max(), 100);
        for (int offset = 0; page.size() < query.max(); offset += batch) {
            List<AccessKey> read = list(new AccessKeyQuery(query.userId(), query.status(), query.search(), offset, batch,
                    query.sort(), query.descending()));
            for (AccessKey key : read) {
                if (filter.test(key) && skip-- <= 0 && page.size() < query.max()) {
                    page.add(key);
                }
            }
            if (read.size() < batch) {
                break;
            }
        }
        return page;
    }

    /** How many keys match the query's filters and the filter (e.g. owners an admin may view). */
    public long countWhere(AccessKeyQuery query, Predicate<AccessKey> filter) {
        long count = 0;
        int batch = 500;
        for (int offset = 0; ; offset += batch) {
            List<AccessKey> read = list(new AccessKeyQuery(query.userId(), query.status(), query.search(), offset, batch, null, false));
            count += read.stream().filter(filter).count();
            if (read.size() < batch) {
                return count;
            }
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
        List<String> allowedCidrs = cidrs(fields.allowedCidrs() == null ? null : fields.allowedCidrs().value());

        List<String> keyNames = lockOwnerAndReadKeyNames(owner.getId());
        if (keyNames.size() >= policy.maxKeysPerUser()) {
            throw AccessKeyException.badRequest("the user already has " + keyNames.size()
                    + " keys that are not revoked, the most the realm allows is " + policy.maxKeysPerUser()
                    + " (maxKeysPerUser); revoke or delete one first");
        }
        requireNameFree(keyNames, name);
        long allKeys = store.countAll(realm, owner.getId());
        if (allKeys >= policy.maxStoredKeysPerUser()) {
            throw AccessKeyException.badRequest("the user already has " + allKeys + " keys including revoked ones, the most"
                    + " the realm stores is " + policy.maxStoredKeysPerUser() + " (10 x maxKeysPerUser); delete revoked keys first");
        }

        String secret = GENERATOR.newSecret();
        AccessKey key = store.create(realm, new NewAccessKey(GENERATOR.newKeyId(), owner.getId(), name, description,
                SecretHasher.hash(secret), enabled, scopes, clients, roles, now, createdBy, expiresAt, allowedCidrs));
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
            key.setExpiresAt(changedExpiry(changes.expiresAt().value(), lifetimeStart(key)));
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
        if (changes.allowedCidrs() != null) {
            key.setAllowedCidrs(cidrs(changes.allowedCidrs().value()));
        }
        if (changes.enabled() != null) {
            if (changes.enabled().value() == null) {
                throw AccessKeyException.invalid("enabled", "must be true or false");
            }
            key.setEnabled(changes.enabled().value());
            if (!key.isEnabled()) {
                KeySessions.end(session, realm, key);
            }
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
        KeySessions.end(session, realm, key);
        return true;
    }

    /** A new secret for the same key ID; the old secret stops working when the transaction commits. */
    public IssuedKey rotate(AccessKey key) {
        return rotate(key, null, null);
    }

    /**
     * A new secret for the same key ID. With {@code overlapSeconds} > 0 (at most the policy's
     * {@code maxRotationOverlapSeconds}) the secret being replaced keeps working that long; a previous secret still
     * in its overlap ends now (only one previous secret exists). {@code expiresAt}, when given, sets a new expiry,
     * bounded by the policy from now (the new secret's lifetime starts with the rotate).
     */
    public IssuedKey rotate(AccessKey key, Integer overlapSeconds, Change<Long> expiresAt) {
        requireNotRevoked(key);
        long now = now();
        KeyPolicy policy = policy();
        int overlap = overlapSeconds == null ? 0 : overlapSeconds;
        if (overlap < 0 || overlap > policy.maxRotationOverlapSeconds()) {
            throw AccessKeyException.invalid("overlapSeconds", "must be between 0 and " + policy.maxRotationOverlapSeconds()
                    + " (the realm's maxRotationOverlapSeconds)");
        }
        Long newExpiry = expiresAt == null ? key.getExpiresAt() : changedExpiry(expiresAt.value(), now);
        String secret = GENERATOR.newSecret();
        if (overlap > 0) {
            key.setPreviousSecret(key.getSecretHash(), now + overlap * 1000L);
        } else {
            key.setPreviousSecret(null, null);
        }
        key.setSecretHash(SecretHasher.hash(secret));
        key.setRotatedAt(now);
        key.setExpiresAt(newExpiry);
        invalidateVerified(key);
        if (overlap == 0) {
            // with an overlap the sessions end with it: a refresh after its end is refused (keyOfActiveToken)
            KeySessions.end(session, realm, key);
        }
        return new IssuedKey(key, secret);
    }

    /** Disables a key (it can be enabled again); disabling a disabled or revoked key changes nothing. @return whether it changed */
    public boolean disable(AccessKey key) {
        if (key.getRevokedAt() != null || !key.isEnabled()) {
            return false;
        }
        key.setEnabled(false);
        invalidateVerified(key);
        return true;
    }

    /** Ends the previous secret of a rotate with overlap at once (e.g. because it leaked). @return whether there was one */
    public boolean endOverlap(AccessKey key) {
        if (key.getPreviousSecretHash() == null) {
            return false;
        }
        key.setPreviousSecret(null, null);
        invalidateVerified(key);
        return true;
    }

    public void delete(AccessKey key) {
        if (policy().deleteRequiresInactive() && status(key) == AccessKeyStatus.ACTIVE) {
            throw AccessKeyException.conflict("the realm policy requires a key to be disabled or revoked before it is deleted (deleteRequiresInactive)");
        }
        store.remove(realm, key.getId());
        invalidateVerified(key);
        KeySessions.end(session, realm, key);
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
        if (key == null || !secretMatches(presented, key, now)) {
            // not verified on this node yet, or another secret: read the stored key (unknown IDs take this path too)
            long generation = VERIFIED.generation();
            key = lookup(keyId);
            boolean secretMatches = key == null ? SecretHasher.matches(presented, SecretHasher.NO_KEY_HASH)
                    : secretMatches(presented, key, now);
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

    /**
     * Whether a token issued from the key (or a session opened with it) at {@code issuedAtSeconds} still stands: the
     * key exists and is active, was not rotated after the token (unless the rotation's overlap still runs), and its owner
     * exists and is enabled; returns that key, or null. Read from this node's verified-key copy when it
     * has one (invalidated on every node by each change), else from the store.
     */
    public AccessKey keyOfActiveToken(String keyId, long issuedAtSeconds) {
        long now = now();
        AccessKey key = keyId == null ? null : VERIFIED.get(realm.getId(), keyId, now);
        if (key == null) {
            key = lookup(keyId);
        }
        if (key == null || key.getStatus(now) != AccessKeyStatus.ACTIVE || issuedBeforeRotationEnded(key, issuedAtSeconds, now)) {
            return null;
        }
        UserModel owner = session.users().getUserById(realm, key.getUserId());
        return owner != null && owner.isEnabled() ? key : null;
    }

    /**
     * Whether the token (issued at {@code issuedAtSeconds}) came before the key's last rotate and that rotate's overlap
     * is over. A token of the same second as the rotate counts as after it (token times have one-second resolution).
     */
    private static boolean issuedBeforeRotationEnded(AccessKey key, long issuedAtSeconds, long now) {
        Long rotatedAt = key.getRotatedAt();
        if (rotatedAt == null || (issuedAtSeconds + 1) * 1000 > rotatedAt) {
            return false;
        }
        Long overlapUntil = key.getPreviousSecretExpiresAt();
        return overlapUntil == null || now >= overlapUntil;
    }

    /**
     * Whether the presented hash is the key's secret, or its previous secret before the overlap ends. The overlap's
     * end is compared with the clock on every call, so a cached copy stops accepting the previous secret on time.
     */
    private static boolean secretMatches(String presented, AccessKey key, long now) {
        boolean current = SecretHasher.matches(presented, key.getSecretHash());
        String previousHash = key.getPreviousSecretHash();
        Long previousUntil = key.getPreviousSecretExpiresAt();
        boolean previous = previousHash != null && previousUntil != null
                && SecretHasher.matches(presented, previousHash) && now < previousUntil;
        return current | previous;
    }

    /**
     * Whether the key may be used from this client address (its {@code allowedCidrs}, if any, contain it). An address
     * that is not an IP literal is outside every list.
     */
    public boolean allowsAddress(AccessKey key, String address) {
        List<String> cidrs = key.getAllowedCidrs();
        if (cidrs == null) {
            return true;
        }
        for (String cidr : cidrs) {
            CidrBlock block = CidrBlock.parse(cidr);
            if (block != null && block.contains(address)) {
                return true;
            }
        }
        return false;
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
            store.recordUse(realm, key.getId(), now, FieldRules.clientAddress(ip), now - LastUseRecorder.INTERVAL_MILLIS + 1);
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

    /** Where a key's lifetime starts for {@code maxLifetimeDays}: its last rotate (the secret's age), else its creation. */
    private static long lifetimeStart(AccessKey key) {
        return key.getRotatedAt() != null ? key.getRotatedAt() : key.getCreatedAt();
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

    /** Normalised CIDR blocks (e.g. {@code 10.1.2.3/8} as {@code 10.0.0.0/8}), without repeats; null = anywhere. */
    static List<String> cidrs(List<String> requested) {
        List<String> values = FieldRules.list("allowedCidrs", requested);
        if (values == null) {
            return null;
        }
        if (values.isEmpty()) {
            throw AccessKeyException.invalid("allowedCidrs", "must not be empty; null allows every address");
        }
        java.util.LinkedHashSet<String> blocks = new java.util.LinkedHashSet<>();
        for (String value : values) {
            CidrBlock block = CidrBlock.parse(value);
            if (block == null) {
                throw AccessKeyException.invalid("allowedCidrs", "'" + AccessKeyException.shown(value)
                        + "' is not an IPv4 or IPv6 address or CIDR block (e.g. 10.0.0.0/8, 2001:db8::/32)");
            }
            blocks.add(block.toString());
        }
        return List.copyOf(blocks);
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
