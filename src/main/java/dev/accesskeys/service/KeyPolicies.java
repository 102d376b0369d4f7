package dev.accesskeys.service;

import dev.accesskeys.model.KeyPolicy;

/** The realm's access-key policy: read, and replaced (binding the keys that break a tighter one). */
public final class KeyPolicies {

    private final ServiceContext context;

    KeyPolicies(ServiceContext context) {
        this.context = context;
    }

    public KeyPolicy current() {
        return context.policy();
    }

    /**
     * Replaces the policy; a policy that requires expiries or limits lifetimes also binds the existing keys: every
     * key that breaks it gets the latest expiry it allows, counted from now ({@link KeyPolicy#bindingExpiry}).
     */
    public PolicyUpdate replace(KeyPolicy policy) {
        PolicyRules.validate(policy);
        PolicyStore.write(context.realm(), policy);
        Long latest = policy.bindingExpiry(context.now());
        int changed = latest == null ? 0
                : context.store().bindExpiry(context.realm(), latest, policy.maxLifetimeDays() == null);
        return new PolicyUpdate(policy, changed);
    }

    /** A policy as stored, and how many existing keys it gave a (shorter) expiry. */
    public record PolicyUpdate(KeyPolicy policy, int keysChanged) {
    }
}
