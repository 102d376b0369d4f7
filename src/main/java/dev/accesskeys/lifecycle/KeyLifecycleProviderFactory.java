package dev.accesskeys.lifecycle;

import org.keycloak.provider.ProviderFactory;

public interface KeyLifecycleProviderFactory extends ProviderFactory<KeyLifecycleProvider> {
}
