package dev.accesskeys.lifecycle;

import org.keycloak.provider.Provider;
import org.keycloak.provider.ProviderFactory;
import org.keycloak.provider.Spi;

/**
 * The lifecycle SPI of access keys ({@code access-keys-lifecycle}): the scheduled expiry e-mails and retention purge,
 * and the leaked-secret reports. Its one provider, {@code default}, takes the server options
 * {@code --spi-access-keys-lifecycle--default--…}.
 */
public final class KeyLifecycleSpi implements Spi {

    public static final String NAME = "access-keys-lifecycle";

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
        return KeyLifecycleProvider.class;
    }

    @Override
    public Class<? extends ProviderFactory> getProviderFactoryClass() {
        return KeyLifecycleProviderFactory.class;
    }
}
