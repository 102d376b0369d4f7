package dev.accesskeys.authenticator;

import dev.accesskeys.StatelessProviderFactory;
import java.util.List;

import org.keycloak.authentication.Authenticator;
import org.keycloak.authentication.AuthenticatorFactory;
import org.keycloak.models.AuthenticationExecutionModel;
import org.keycloak.models.KeycloakSession;
import org.keycloak.provider.ProviderConfigProperty;

/** {@value #PROVIDER_ID}: put it alone (REQUIRED) in a copy of the direct-grant flow and bind that to a client. */
public class AccessKeyAuthenticatorFactory implements AuthenticatorFactory, StatelessProviderFactory<Authenticator> {

    public static final String PROVIDER_ID = "access-key-authenticator";

    private static final AuthenticationExecutionModel.Requirement[] REQUIREMENTS = {
            AuthenticationExecutionModel.Requirement.REQUIRED,
            AuthenticationExecutionModel.Requirement.ALTERNATIVE,
            AuthenticationExecutionModel.Requirement.DISABLED
    };

    @Override
    public String getId() {
        return PROVIDER_ID;
    }

    @Override
    public String getDisplayType() {
        return "Access key (app password)";
    }

    @Override
    public String getReferenceCategory() {
        return "access-key";
    }

    @Override
    public boolean isConfigurable() {
        return false;
    }

    @Override
    public AuthenticationExecutionModel.Requirement[] getRequirementChoices() {
        return REQUIREMENTS;
    }

    @Override
    public boolean isUserSetupAllowed() {
        return false;
    }

    @Override
    public String getHelpText() {
        return "Direct grant: username = access key ID, password = its secret. The client needs the 'Access key limits' mapper.";
    }

    @Override
    public List<ProviderConfigProperty> getConfigProperties() {
        return List.of();
    }

    @Override
    public Authenticator create(KeycloakSession session) {
        return new AccessKeyAuthenticator();
    }
}
