package dev.accesskeys.lifecycle;

import dev.accesskeys.support.AccessKeysServerConfig;

import org.keycloak.testframework.server.KeycloakServerConfigBuilder;

/**
 * The distribution server of the lifecycle suite: the scheduled tasks every 2 s (instead of hourly), at most
 * {@value #LEAKED_PER_MINUTE} leaked-secret reports per address and minute, and HTTP on every IPv4 and IPv6 address
 * (dual stack) so a test can call it from {@code ::1}.
 */
public class LifecycleServerConfig extends AccessKeysServerConfig {

    static final int TASK_INTERVAL_SECONDS = 2;
    static final int LEAKED_PER_MINUTE = 20;

    @Override
    public KeycloakServerConfigBuilder configure(KeycloakServerConfigBuilder config) {
        return super.configure(config)
                .option("spi-access-keys-lifecycle--default--task-interval-seconds", Integer.toString(TASK_INTERVAL_SECONDS))
                .option("spi-access-keys-lifecycle--default--leaked-reports-per-minute", Integer.toString(LEAKED_PER_MINUTE))
                .option("http-host", "::");
    }
}
