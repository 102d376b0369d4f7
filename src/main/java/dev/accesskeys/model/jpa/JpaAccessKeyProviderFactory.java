package dev.accesskeys.model.jpa;

import dev.accesskeys.model.AccessKeyProvider;
import dev.accesskeys.model.AccessKeyProviderFactory;
import dev.accesskeys.lifecycle.AccessKeyCleanup;

import org.keycloak.Config;
import org.keycloak.connections.jpa.JpaConnectionProvider;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.KeycloakSessionFactory;

public final class JpaAccessKeyProviderFactory implements AccessKeyProviderFactory {

    public static final String ID = "jpa";

    @Override
    public AccessKeyProvider create(KeycloakSession session) {
        return new JpaAccessKeyProvider(session.getProvider(JpaConnectionProvider.class).getEntityManager());
    }

    @Override
    public void init(Config.Scope config) {
    }

    @Override
    public void postInit(KeycloakSessionFactory factory) {
        factory.register(AccessKeyCleanup::onEvent);
    }

    @Override
    public void close() {
    }

    @Override
    public String getId() {
        return ID;
    }
}
