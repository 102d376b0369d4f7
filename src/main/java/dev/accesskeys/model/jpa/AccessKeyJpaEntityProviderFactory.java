package dev.accesskeys.model.jpa;

import dev.accesskeys.StatelessProviderFactory;
import org.keycloak.connections.jpa.entityprovider.JpaEntityProvider;
import org.keycloak.connections.jpa.entityprovider.JpaEntityProviderFactory;
import org.keycloak.models.KeycloakSession;

/** Registers the {@code ACCESS_KEY} table and its Liquibase changelog with Keycloak's JPA store. */
public final class AccessKeyJpaEntityProviderFactory implements JpaEntityProviderFactory, StatelessProviderFactory<JpaEntityProvider> {

    static final String ID = "access-keys";

    private static final AccessKeyJpaEntityProvider PROVIDER = new AccessKeyJpaEntityProvider();

    @Override
    public JpaEntityProvider create(KeycloakSession session) {
        return PROVIDER;
    }

    @Override
    public String getId() {
        return ID;
    }
}
