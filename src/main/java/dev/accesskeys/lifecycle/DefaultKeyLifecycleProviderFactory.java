package dev.accesskeys.lifecycle;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import dev.accesskeys.Versions;

import org.jboss.logging.Logger;
import org.keycloak.Config;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.KeycloakSessionFactory;
import org.keycloak.provider.ProviderConfigProperty;
import org.keycloak.provider.ProviderConfigurationBuilder;
import org.keycloak.provider.ServerInfoAwareProviderFactory;
import org.keycloak.services.scheduled.ClusterAwareScheduledTaskRunner;
import org.keycloak.timer.ScheduledTask;
import org.keycloak.timer.TimerProvider;

/**
 * Schedules the expiry e-mails and the retention purge as cluster-aware tasks (at most one node runs each per
 * interval, as Keycloak runs its own cleanup tasks) and holds the node's leaked-report rate limit. Options:
 * {@code --spi-access-keys-lifecycle--default--task-interval-seconds} (default 3600) and
 * {@code --spi-access-keys-lifecycle--default--leaked-reports-per-minute} (default 10 per client address).
 */
public final class DefaultKeyLifecycleProviderFactory implements KeyLifecycleProviderFactory, ServerInfoAwareProviderFactory {

    public static final String ID = "default";
    static final String TASK_INTERVAL = "taskIntervalSeconds";
    static final String LEAKED_PER_MINUTE = "leakedReportsPerMinute";
    static final int DEFAULT_TASK_INTERVAL_SECONDS = 3600;
    static final int DEFAULT_LEAKED_PER_MINUTE = 10;

    private static final Logger LOG = Logger.getLogger(DefaultKeyLifecycleProviderFactory.class);

    private int taskIntervalSeconds = DEFAULT_TASK_INTERVAL_SECONDS;
    private int leakedPerMinute = DEFAULT_LEAKED_PER_MINUTE;
    private AddressRateLimiter leakedReports;

    @Override
    public KeyLifecycleProvider create(KeycloakSession session) {
        return new KeyLifecycleProvider(session, leakedReports);
    }

    @Override
    public void init(Config.Scope config) {
        taskIntervalSeconds = config.getInt(TASK_INTERVAL, DEFAULT_TASK_INTERVAL_SECONDS);
        leakedPerMinute = config.getInt(LEAKED_PER_MINUTE, DEFAULT_LEAKED_PER_MINUTE);
        if (taskIntervalSeconds < 1) {
            throw new IllegalArgumentException("access keys: " + TASK_INTERVAL + " must be at least 1");
        }
        leakedReports = new AddressRateLimiter(leakedPerMinute, 60);
    }

    @Override
    public void postInit(KeycloakSessionFactory factory) {
        long interval = taskIntervalSeconds * 1000L;
        try (KeycloakSession session = factory.create()) {
            TimerProvider timer = session.getProvider(TimerProvider.class);
            for (ScheduledTask task : List.of(new AccessKeyExpiryNotices(), new AccessKeyRetentionPurge())) {
                timer.schedule(new ClusterAwareScheduledTaskRunner(factory, task, interval), interval, interval);
            }
        }
        LOG.debugf("access keys: expiry e-mails and retention purge every %d s", taskIntervalSeconds);
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
                .property().name(TASK_INTERVAL).type("int").defaultValue(DEFAULT_TASK_INTERVAL_SECONDS)
                .helpText("Seconds between runs of the expiry e-mails and the retention purge (one node of the cluster runs each).").add()
                .property().name(LEAKED_PER_MINUTE).type("int").defaultValue(DEFAULT_LEAKED_PER_MINUTE)
                .helpText("Leaked-secret reports each client address may send per minute and node (0 = no limit).").add()
                .build();
    }

    @Override
    public Map<String, String> getOperationalInfo() {
        Map<String, String> info = new LinkedHashMap<>(Versions.operationalInfo());
        info.put("task-interval-seconds", Integer.toString(taskIntervalSeconds));
        info.put("leaked-reports-per-minute", Integer.toString(leakedPerMinute));
        return info;
    }
}
