package dev.accesskeys.cache;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import dev.accesskeys.Versions;
import dev.accesskeys.model.AccessKeyProvider;
import dev.accesskeys.model.AccessKeyProviderFactory;
import dev.accesskeys.model.AccessKeySpi;

import org.jboss.logging.Logger;
import org.keycloak.Config;
import org.keycloak.cluster.ClusterProvider;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.KeycloakSessionFactory;
import org.keycloak.models.RealmModel;
import org.keycloak.models.UserModel;
import org.keycloak.models.utils.KeycloakModelUtils;
import org.keycloak.models.utils.PostMigrationEvent;
import org.keycloak.provider.ProviderConfigProperty;
import org.keycloak.provider.ProviderConfigurationBuilder;
import org.keycloak.provider.ProviderEvent;
import org.keycloak.provider.ServerInfoAwareProviderFactory;
import org.keycloak.timer.TimerProvider;

/**
 * The key store as Keycloak picks it by default (order {@value #ORDER} above the {@code jpa} store it delegates to):
 * the JPA store with this node's {@link VerifiedKeyCache} in front of the verification path. The factory owns the
 * node's cache, registers its cluster listeners once the server has started, and invalidates on user and realm
 * removal.
 * <p>
 * Options: {@code --spi-access-keys-store--cache--max-entries} (0 turns caching off) and
 * {@code --spi-access-keys-store--cache--max-age-seconds}; {@code --spi-access-keys-store--cache--last-use-flush-seconds}
 * (default {@value LastUseWriter#DEFAULT_FLUSH_SECONDS}; 0 writes each last use in its request). The names of earlier releases,
 * {@code --spi-access-keys-store--jpa--verified-key-cache-size} and {@code ...--verified-key-cache-seconds}, still
 * work. {@code --spi-access-keys-store--provider=jpa} bypasses the cache entirely.
 */
public final class CachingAccessKeyProviderFactory implements AccessKeyProviderFactory, ServerInfoAwareProviderFactory {

    public static final String ID = "cache";
    static final String DELEGATE_ID = "jpa";
    static final int ORDER = 10;
    static final String MAX_ENTRIES = "maxEntries";
    static final String MAX_AGE_SECONDS = "maxAgeSeconds";
    static final String LAST_USE_FLUSH_SECONDS = "lastUseFlushSeconds";
    /** Option names of the releases that configured the cache on the {@code jpa} store. */
    static final String LEGACY_MAX_ENTRIES = "verifiedKeyCacheSize";
    static final String LEGACY_MAX_AGE_SECONDS = "verifiedKeyCacheSeconds";
    /** Keycloak's own "clear realm cache" and "clear user cache" admin actions clear this cache too. */
    private static final String[] CLEAR_EVENTS = {"REALM_CLEAR_CACHE_EVENTS", "USER_CLEAR_CACHE_EVENTS"};

    private static final Logger LOG = Logger.getLogger(CachingAccessKeyProviderFactory.class);

    private final VerifiedKeyCache cache = new VerifiedKeyCache();
    private final LastUseWriter lastUse = new LastUseWriter();
    private KeycloakSessionFactory sessionFactory;
    private int maxEntries = VerifiedKeyCache.DEFAULT_MAX_ENTRIES;
    private int maxAgeSeconds = VerifiedKeyCache.DEFAULT_MAX_AGE_SECONDS;

    @Override
    public AccessKeyProvider create(KeycloakSession session) {
        return new CachingAccessKeyProvider(session, cache, lastUse);
    }

    @Override
    public void init(Config.Scope config) {
        Config.Scope legacy = Config.scope(AccessKeySpi.NAME, DELEGATE_ID);
        maxEntries = config.getInt(MAX_ENTRIES, legacy.getInt(LEGACY_MAX_ENTRIES, VerifiedKeyCache.DEFAULT_MAX_ENTRIES));
        maxAgeSeconds = config.getInt(MAX_AGE_SECONDS, legacy.getInt(LEGACY_MAX_AGE_SECONDS, VerifiedKeyCache.DEFAULT_MAX_AGE_SECONDS));
        cache.configure(maxEntries, maxAgeSeconds);
        lastUse.configure(config.getInt(LAST_USE_FLUSH_SECONDS, LastUseWriter.DEFAULT_FLUSH_SECONDS));
    }

    @Override
    public void postInit(KeycloakSessionFactory factory) {
        sessionFactory = factory;
        if (lastUse.buffering()) {
            Runtime.getRuntime().addShutdownHook(new Thread(() -> lastUse.writeWhileStopping(factory), "access-keys-last-use-writer"));
        }
        factory.register(event -> onEvent(factory, event));
    }

    private void onEvent(KeycloakSessionFactory factory, ProviderEvent event) {
        if (event instanceof PostMigrationEvent) {
            KeycloakModelUtils.runJobInTransaction(factory, this::listen);
        } else if (event instanceof UserModel.UserRemovedEvent removed) {
            cache.invalidateAfterCompletion(removed.getKeycloakSession(),
                    KeyInvalidation.ofUser(removed.getRealm().getId(), removed.getUser().getId()));
        } else if (event instanceof RealmModel.RealmRemovedEvent removed) {
            cache.invalidateAfterCompletion(removed.getKeycloakSession(), KeyInvalidation.ofRealm(removed.getRealm().getId()));
        }
    }

    /**
     * Invalidations sent by other nodes, and Keycloak's clear-cache actions, reach this node's cache; pending last-use
     * stamps are written every {@code lastUseFlushSeconds}.
     */
    private void listen(KeycloakSession session) {
        if (lastUse.buffering()) {
            session.getProvider(TimerProvider.class).schedule(() -> lastUse.flush(sessionFactory),
                    lastUse.flushSeconds() * 1000L, LastUseWriter.TASK_NAME);
        }
        ClusterProvider cluster = session.getProvider(ClusterProvider.class);
        if (cluster == null) {
            return;
        }
        cluster.registerListener(VerifiedKeyCache.INVALIDATION_EVENTS, event -> {
            if (event instanceof KeyInvalidation invalidation) {
                cache.apply(invalidation);
            }
        });
        for (String clearEvents : CLEAR_EVENTS) {
            cluster.registerListener(clearEvents, event -> cache.clear());
        }
    }

    /** The server stops: what this node has not written yet is written now if the database is still open. */
    @Override
    public void close() {
        lastUse.closed();
        if (sessionFactory != null && lastUse.stamps().size() > 0) {
            int pending = lastUse.stamps().size();
            int written = lastUse.flush(sessionFactory);
            LOG.debugf("access keys: wrote %d of %d pending last-use stamps at shutdown", Math.max(written, 0), pending);
        }
    }

    @Override
    public String getId() {
        return ID;
    }

    @Override
    public int order() {
        return ORDER;
    }

    @Override
    public List<ProviderConfigProperty> getConfigMetadata() {
        return ProviderConfigurationBuilder.create()
                .property().name(MAX_ENTRIES).type("int").defaultValue(VerifiedKeyCache.DEFAULT_MAX_ENTRIES)
                .helpText("Most keys whose verification each node keeps in memory (0 turns the cache off).").add()
                .property().name(MAX_AGE_SECONDS).type("int").defaultValue(VerifiedKeyCache.DEFAULT_MAX_AGE_SECONDS)
                .helpText("Seconds a node keeps a verified key before reading it again; changes invalidate it at once on every node.").add()
                .property().name(LAST_USE_FLUSH_SECONDS).type("int").defaultValue(LastUseWriter.DEFAULT_FLUSH_SECONDS)
                .helpText("Seconds between a node's writes of the keys' last-use stamps, many in one transaction (0 = each in its request).").add()
                .build();
    }

    @Override
    public Map<String, String> getOperationalInfo() {
        Map<String, String> info = new LinkedHashMap<>(Versions.operationalInfo());
        info.put("verified-key-cache-size", Integer.toString(maxEntries));
        info.put("verified-key-cache-seconds", Integer.toString(maxAgeSeconds));
        info.put("last-use-flush-seconds", Integer.toString(lastUse.flushSeconds()));
        return info;
    }
}
