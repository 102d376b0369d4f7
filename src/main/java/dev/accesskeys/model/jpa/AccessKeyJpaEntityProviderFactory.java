package dev.accesskeys.model.jpa;

import org.keycloak.Config;
import org.keycloak.connections.jpa.entityprovider.JpaEntityProvider;
import org.keycloak.connections.jpa.entityprovider.JpaEntityProviderFactory;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.KeycloakSessionFactory;

/** Registers the {@code ACCESS_KEY} table and its Liquibase changelog with Keycloak's JPA store. */
public final class AccessKeyJpaEntityProviderFactory implements JpaEntityProviderFactory {

    static final String ID = "access-keys";

    private static final AccessKeyJpaEntityProvider PROVIDER = new AccessKeyJpaEntityProvider();

    @Override
    public JpaEntityProvider create(KeycloakSession session) {
        return PROVIDER;
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
