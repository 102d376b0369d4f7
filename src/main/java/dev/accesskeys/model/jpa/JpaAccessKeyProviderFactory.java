package dev.accesskeys.model.jpa;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import dev.accesskeys.Versions;
import dev.accesskeys.cache.VerifiedKeyCache;
import dev.accesskeys.lifecycle.AccessKeyCleanup;
import dev.accesskeys.model.AccessKeyProvider;
import dev.accesskeys.model.AccessKeyProviderFactory;

import org.keycloak.Config;
import org.keycloak.connections.jpa.JpaConnectionProvider;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.KeycloakSessionFactory;
import org.keycloak.provider.ProviderConfigProperty;
import org.keycloak.provider.ProviderConfigurationBuilder;
import org.keycloak.provider.ServerInfoAwareProviderFactory;

/**
 * The JPA store of access keys. Its configuration also sizes the node's verified-key cache, which sits in front of
 * this store on the verification path: {@code --spi-access-keys-store--jpa--verified-key-cache-size} and
 * {@code --spi-access-keys-store--jpa--verified-key-cache-seconds}.
 */
public final class JpaAccessKeyProviderFactory implements AccessKeyProviderFactory, ServerInfoAwareProviderFactory {

    public static final String ID = "jpa";
    static final String CACHE_SIZE = "verifiedKeyCacheSize";
    static final String CACHE_SECONDS = "verifiedKeyCacheSeconds";

    private int cacheSize = VerifiedKeyCache.DEFAULT_MAX_ENTRIES;
    private int cacheSeconds = VerifiedKeyCache.DEFAULT_MAX_AGE_SECONDS;

    @Override
    public AccessKeyProvider create(KeycloakSession session) {
        return new JpaAccessKeyProvider(session.getProvider(JpaConnectionProvider.class).getEntityManager());
    }

    @Override
    public void init(Config.Scope config) {
        cacheSize = config.getInt(CACHE_SIZE, VerifiedKeyCache.DEFAULT_MAX_ENTRIES);
        cacheSeconds = config.getInt(CACHE_SECONDS, VerifiedKeyCache.DEFAULT_MAX_AGE_SECONDS);
        VerifiedKeyCache.node().configure(cacheSize, cacheSeconds);
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

    @Override
    public List<ProviderConfigProperty> getConfigMetadata() {
        return ProviderConfigurationBuilder.create()
                .property().name(CACHE_SIZE).type("int").defaultValue(VerifiedKeyCache.DEFAULT_MAX_ENTRIES)
                .helpText("Most keys whose verification each node keeps in memory (0 turns the cache off).").add()
                .property().name(CACHE_SECONDS).type("int").defaultValue(VerifiedKeyCache.DEFAULT_MAX_AGE_SECONDS)
                .helpText("Seconds a node keeps a verified key before reading it again; changes invalidate it at once on every node.").add()
                .build();
    }

    @Override
    public Map<String, String> getOperationalInfo() {
        Map<String, String> info = new LinkedHashMap<>(Versions.operationalInfo());
        info.put("verified-key-cache-size", Integer.toString(cacheSize));
        info.put("verified-key-cache-seconds", Integer.toString(cacheSeconds));
        return info;
    }
}
