package dev.accesskeys.model.jpa;

import java.util.LinkedHashMap;
import java.util.Map;

import dev.accesskeys.Versions;
import dev.accesskeys.model.AccessKeyProvider;
import dev.accesskeys.model.AccessKeyProviderFactory;

import org.keycloak.Config;
import org.keycloak.connections.jpa.JpaConnectionProvider;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.KeycloakSessionFactory;
import org.keycloak.provider.ServerInfoAwareProviderFactory;

/**
 * The JPA store of access keys; deletes a removed user's or realm's keys in the transaction that removes them. The
 * default store is {@code cache}, which delegates to this one.
 */
public final class JpaAccessKeyProviderFactory implements AccessKeyProviderFactory, ServerInfoAwareProviderFactory {

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
        factory.register(RemovedOwnerCleanup::onEvent);
    }

    @Override
    public void close() {
    }

    @Override
    public String getId() {
        return ID;
    }

    @Override
    public Map<String, String> getOperationalInfo() {
        return new LinkedHashMap<>(Versions.operationalInfo());
    }
}
