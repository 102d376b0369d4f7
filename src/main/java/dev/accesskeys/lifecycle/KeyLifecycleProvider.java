package dev.accesskeys.lifecycle;

import java.util.List;

import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;
import org.keycloak.provider.Provider;

/** Per-session access to the node-wide lifecycle state (the leaked-report rate limit). */
public final class KeyLifecycleProvider implements Provider {

    private final KeycloakSession session;
    private final AddressRateLimiter leakedReports;

    KeyLifecycleProvider(KeycloakSession session, AddressRateLimiter leakedReports) {
        this.session = session;
        this.leakedReports = leakedReports;
    }

    /** Whether this client address may send another leaked-secret report now (counts the attempt). */
    public boolean admitLeakedReport(String address, long now) {
        return leakedReports.tryAcquire(address == null ? "" : address, now);
    }

    /** Seconds until an address refused by {@link #admitLeakedReport} may report again. */
    public int retryAfterSeconds() {
        return leakedReports.windowSeconds();
    }

    /** Handles the reported secrets (see {@link LeakedSecrets}). @return how many keys were stopped */
    public int reportLeaked(RealmModel realm, List<String> secrets) {
        return new LeakedSecrets(session, realm).report(secrets);
    }

    @Override
    public void close() {
    }
}
