package dev.accesskeys.service;

import org.keycloak.provider.Provider;
import org.keycloak.provider.ProviderFactory;
import org.keycloak.provider.Spi;

/** The rules of access keys as a per-session provider: {@code session.getProvider(AccessKeyService.class)}. */
public final class AccessKeyServiceSpi implements Spi {

    public static final String NAME = "access-keys-service";

    @Override
    public boolean isInternal() {
        return true;
    }

    @Override
    public String getName() {
        return NAME;
    }

    @Override
    public Class<? extends Provider> getProviderClass() {
        return AccessKeyService.class;
    }

    @Override
    public Class<? extends ProviderFactory> getProviderFactoryClass() {
        return AccessKeyServiceFactory.class;
    }
}
