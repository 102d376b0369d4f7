package dev.accesskeys.service;

import java.util.List;

import dev.accesskeys.model.AccessKey;
import dev.accesskeys.model.AccessKeyStatus;
import dev.accesskeys.model.KeyPolicy;
import dev.accesskeys.model.NewAccessKey;
import dev.accesskeys.model.OwnerBusyException;

import org.keycloak.models.UserModel;

/**
 * Every change to a realm's keys: create, update, revoke, rotate, disable, delete. The store's keys invalidate the
 * node caches themselves; the key's sessions (app passwords) end here when the key stops.
 */
public final class KeyEdits {

    private final ServiceContext context;

    KeyEdits(ServiceContext context) {
        this.context = context;
    }

    public IssuedKey create(UserModel owner, KeyChanges fields, String createdBy) {
        long now = context.now();
        KeyPolicy policy = context.policy();
        KeyFieldChecks checks = new KeyFieldChecks(context.realm(), policy);
        String name = FieldRules.name(value(fields.name()));
        String description = fields.description() == null ? null : FieldRules.description(fields.description().value());
        Long expiresAt = checks.newExpiry(fields.expiresAt(), now);
        List<String> scopes = checks.scopes(value(fields.scopes()));
        List<String> clients = checks.clients(value(fields.clients()));
        List<String> roles = checks.roles(value(fields.roles()));
        boolean enabled = fields.enabled() == null || fields.enabled().value() == null || fields.enabled().value();
        List<String> allowedCidrs = KeyFieldChecks.cidrs(value(fields.allowedCidrs()));

        List<String> keyNames = lockOwnerAndReadKeyNames(owner.getId());
        if (keyNames.size() >= policy.maxKeysPerUser()) {
            throw AccessKeyException.limitReached("the user already has " + keyNames.size()
                    + " keys that are not revoked, the most the realm allows is " + policy.maxKeysPerUser()
                    + " (maxKeysPerUser); revoke or delete one first");
        }
        requireNameFree(keyNames, name);
        long allKeys = context.store().countAll(context.realm(), owner.getId());
        if (allKeys >= policy.maxStoredKeysPerUser()) {
            throw AccessKeyException.limitReached("the user already has " + allKeys + " keys including revoked ones, the most"
                    + " the realm stores is " + policy.maxStoredKeysPerUser() + " (10 x maxKeysPerUser); delete revoked keys first");
        }
        SecretGenerator generator = context.node().generator();
        String secret = generator.newSecret();
        AccessKey key = context.store().create(context.realm(), new NewAccessKey(generator.newKeyId(), owner.getId(), name,
                description, SecretHasher.hash(secret), enabled, scopes, clients, roles, now, createdBy, expiresAt, allowedCidrs));
        return new IssuedKey(key, secret);
    }

    public AccessKey update(AccessKey key, KeyChanges changes) {
        requireNotRevoked(key);
        KeyFieldChecks checks = new KeyFieldChecks(context.realm(), context.policy());
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
            key.setExpiresAt(checks.changedExpiry(changes.expiresAt().value(), KeyFieldChecks.lifetimeStart(key), context.now()));
        }
        if (changes.scopes() != null) {
            key.setScopes(checks.scopes(changes.scopes().value()));
        }
        if (changes.clients() != null) {
            key.setClients(checks.clients(changes.clients().value()));
        }
        if (changes.roles() != null) {
            key.setRoles(checks.roles(changes.roles().value()));
        }
        if (changes.allowedCidrs() != null) {
            key.setAllowedCidrs(KeyFieldChecks.cidrs(changes.allowedCidrs().value()));
        }
        if (changes.enabled() != null) {
            if (changes.enabled().value() == null) {
                throw AccessKeyException.invalid("enabled", "must be true or false");
            }
            key.setEnabled(changes.enabled().value());
            if (!key.isEnabled()) {
                KeySessions.end(context.session(), context.realm(), key);
            }
        }
        return key;
    }

    /** Revokes for good; revoking a revoked key changes nothing. @return whether the key changed */
    public boolean revoke(AccessKey key) {
        if (key.getRevokedAt() != null) {
            return false;
        }
        key.setRevokedAt(context.now());
        key.setEnabled(false);
        KeySessions.end(context.session(), context.realm(), key);
        return true;
    }

    /** A new secret for the same key ID; see {@link KeyRotation}. */
    public IssuedKey rotate(AccessKey key, Integer overlapSeconds, Change<Long> expiresAt) {
        requireNotRevoked(key);
        return new KeyRotation(context).rotate(key, overlapSeconds, expiresAt);
    }

    /** Disables a key (it can be enabled again); disabling a disabled or revoked key changes nothing. @return whether it changed */
    public boolean disable(AccessKey key) {
        if (key.getRevokedAt() != null || !key.isEnabled()) {
            return false;
        }
        key.setEnabled(false);
        return true;
    }

    /** Ends the previous secret of a rotate with overlap at once (e.g. because it leaked). @return whether there was one */
    public boolean endOverlap(AccessKey key) {
        if (key.getPreviousSecretHash() == null) {
            return false;
        }
        key.setPreviousSecret(null, null);
        return true;
    }

    public void delete(AccessKey key) {
        if (context.policy().deleteRequiresInactive() && key.getStatus(context.now()) == AccessKeyStatus.ACTIVE) {
            throw AccessKeyException.conflict("the realm policy requires a key to be disabled or revoked before it is deleted (deleteRequiresInactive)");
        }
        context.store().remove(context.realm(), key.getId());
        KeySessions.end(context.session(), context.realm(), key);
        context.node().lastUse().forget(key.getId());
    }

    private List<String> lockOwnerAndReadKeyNames(String userId) {
        try {
            return context.store().lockOwnerAndReadKeyNames(context.realm(), userId);
        } catch (OwnerBusyException e) {
            throw AccessKeyException.busy("other changes to this user's keys are in progress; nothing was changed, try again");
        }
    }

    private static void requireNotRevoked(AccessKey key) {
        if (key.getRevokedAt() != null) {
            throw AccessKeyException.conflict("access key '" + key.getId() + "' is revoked and can no longer be changed");
        }
    }

    private static void requireNameFree(List<String> keyNames, String name) {
        if (keyNames.contains(name)) {
            throw AccessKeyException.conflict("name: the user already has a key named '" + name + "' that is not revoked");
        }
    }

    private static <T> T value(Change<T> change) {
        return change == null ? null : change.value();
    }
}
