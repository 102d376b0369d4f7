package dev.accesskeys.model.jpa;

import java.util.List;

import org.keycloak.connections.jpa.entityprovider.JpaEntityProvider;

final class AccessKeyJpaEntityProvider implements JpaEntityProvider {

    @Override
    public List<Class<?>> getEntities() {
        return List.of(AccessKeyEntity.class);
    }

    @Override
    public String getChangelogLocation() {
        return "META-INF/access-keys-changelog.xml";
    }

    @Override
    public String getFactoryId() {
        return AccessKeyJpaEntityProviderFactory.ID;
    }

    @Override
    public void close() {
    }
}
