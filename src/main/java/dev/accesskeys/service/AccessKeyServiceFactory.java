package dev.accesskeys.service;

import java.security.SecureRandom;

import org.keycloak.Config;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.KeycloakSessionFactory;
import org.keycloak.provider.ProviderFactory;

/**
 * Creates each session's {@link AccessKeyService} and holds what the service keeps for the whole node: the secret
 * generator, the last-use gate and the throttle's counters.
 */
public final class AccessKeyServiceFactory implements ProviderFactory<AccessKeyService> {

    public static final String ID = "default";

    private final NodeState node = new NodeState(new SecretGenerator(new SecureRandom()), new LastUseRecorder(),
            new KeyThrottle.Counters());

    @Override
    public AccessKeyService create(KeycloakSession session) {
        return new AccessKeyService(session, node);
    }

    @Override
    public void init(Config.Scope config) {
    }

    @Override
    public void postInit(KeycloakSessionFactory factory) {
    }

    @Override
    public void close() {
    }

    @Override
    public String getId() {
        return ID;
    }
}
