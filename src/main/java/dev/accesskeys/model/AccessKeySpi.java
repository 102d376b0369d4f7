package dev.accesskeys.model;

import org.keycloak.provider.Provider;
import org.keycloak.provider.ProviderFactory;
import org.keycloak.provider.Spi;

/** The storage SPI of access keys ({@code access-keys-store}); JPA is its one implementation. */
public final class AccessKeySpi implements Spi {

    public static final String NAME = "access-keys-store";

    @Override
    public boolean isInternal() {
        return false;
    }

    @Override
    public String getName() {
        return NAME;
    }

    @Override
    public Class<? extends Provider> getProviderClass() {
        return AccessKeyProvider.class;
    }

    @Override
    public Class<? extends ProviderFactory> getProviderFactoryClass() {
        return AccessKeyProviderFactory.class;
    }
}
