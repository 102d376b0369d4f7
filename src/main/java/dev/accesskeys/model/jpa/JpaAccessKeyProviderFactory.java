package dev.accesskeys.model.jpa;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import dev.accesskeys.Versions;
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
 * The JPA store of access keys; deletes a removed user's or realm's keys in the transaction that removes them. The
 * default store is {@code cache}, which delegates to this one.
 */
public final class JpaAccessKeyProviderFactory implements AccessKeyProviderFactory, ServerInfoAwareProviderFactory {

    public static final String ID = "jpa";
    static final String SEARCH_RECENT_WINDOW = "searchRecentWindow";

    private int searchRecentWindow = JpaAccessKeyProvider.DEFAULT_RECENT_WINDOW;
    private final CommittedReads committedReads = new CommittedReads();

    @Override
    public AccessKeyProvider create(KeycloakSession session) {
        return new JpaAccessKeyProvider(session.getProvider(JpaConnectionProvider.class).getEntityManager(), searchRecentWindow,
                committedReads);
    }

    @Override
    public void init(Config.Scope config) {
        searchRecentWindow = config.getInt(SEARCH_RECENT_WINDOW, JpaAccessKeyProvider.DEFAULT_RECENT_WINDOW);
        if (searchRecentWindow < 1) {
            throw new IllegalArgumentException("access keys: " + SEARCH_RECENT_WINDOW + " must be at least 1");
        }
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
    public List<ProviderConfigProperty> getConfigMetadata() {
        return ProviderConfigurationBuilder.create()
                .property().name(SEARCH_RECENT_WINDOW).type("int").defaultValue(JpaAccessKeyProvider.DEFAULT_RECENT_WINDOW)
                .helpText("Newest keys of the realm a newest-first search looks at before it asks the indexes for every match.").add()
                .build();
    }

    @Override
    public Map<String, String> getOperationalInfo() {
        Map<String, String> info = new LinkedHashMap<>(Versions.operationalInfo());
        info.put("search-recent-window", Integer.toString(searchRecentWindow));
        return info;
    }
}
