package dev.accesskeys.service;

import dev.accesskeys.model.AccessKeyProvider;

import org.keycloak.common.util.Time;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;
import org.keycloak.provider.Provider;

/**
 * The one owner of the rules of access keys, one per Keycloak session ({@link #of}). The REST resources, the grant,
 * the authenticator and the lifecycle tasks all go through it, one concern at a time: {@link #policies} (the realm
 * policy), {@link #reads} (finding and listing keys), {@link #edits} (create, change, rotate, revoke, delete),
 * {@link #verifier} (checking a presented secret, a token's key, recording use), {@link #choices} (what a user may
 * pick for a key) and {@link #throttle} (lockout after wrong secrets).
 */
public final class AccessKeyService implements Provider {

    private final KeycloakSession session;
    private final NodeState node;

    AccessKeyService(KeycloakSession session, NodeState node) {
        this.session = session;
        this.node = node;
    }

    /** The session's service. */
    public static AccessKeyService of(KeycloakSession session) {
        return session.getProvider(AccessKeyService.class);
    }

    public KeyPolicies policies(RealmModel realm) {
        return new KeyPolicies(context(realm));
    }

    public KeyReads reads(RealmModel realm) {
        return new KeyReads(context(realm));
    }

    public KeyEdits edits(RealmModel realm) {
        return new KeyEdits(context(realm));
    }

    public KeyVerifier verifier(RealmModel realm) {
        return new KeyVerifier(context(realm));
    }

    public KeyChoices choices(RealmModel realm) {
        return new KeyChoices(context(realm));
    }

    public KeyThrottle throttle(RealmModel realm) {
        return KeyThrottle.of(realm, node.throttle());
    }

    public static long now() {
        return Time.currentTimeMillis();
    }

    private ServiceContext context(RealmModel realm) {
        return new ServiceContext(session, realm, session.getProvider(AccessKeyProvider.class), node);
    }

    @Override
    public void close() {
    }
}
