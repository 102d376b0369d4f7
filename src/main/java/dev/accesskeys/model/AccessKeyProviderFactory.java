package dev.accesskeys.model;

import org.keycloak.provider.ProviderFactory;

public interface AccessKeyProviderFactory extends ProviderFactory<AccessKeyProvider> {
}
