package dev.accesskeys.service;

import dev.accesskeys.authenticator.AccessKeyAuthenticatorFactory;

import org.keycloak.models.AuthenticationExecutionModel;
import org.keycloak.models.AuthenticationFlowBindings;
import org.keycloak.models.AuthenticationFlowModel;
import org.keycloak.models.ClientModel;
import org.keycloak.models.RealmModel;

/** Whether a client takes app passwords: direct grants on, and its direct-grant flow runs the access-key authenticator. */
final class AppPasswords {

    private static final int MAX_DEPTH = 10;

    private AppPasswords() {
    }

    static boolean accepted(RealmModel realm, ClientModel client) {
        if (!client.isDirectAccessGrantsEnabled()) {
            return false;
        }
        String override = client.getAuthenticationFlowBindingOverride(AuthenticationFlowBindings.DIRECT_GRANT_BINDING);
        AuthenticationFlowModel flow = override != null ? realm.getAuthenticationFlowById(override) : realm.getDirectGrantFlow();
        return flow != null && runs(realm, flow.getId(), 0);
    }

    private static boolean runs(RealmModel realm, String flowId, int depth) {
        return depth < MAX_DEPTH && realm.getAuthenticationExecutionsStream(flowId)
                .filter(e -> e.getRequirement() != AuthenticationExecutionModel.Requirement.DISABLED)
                .anyMatch(e -> e.isAuthenticatorFlow()
                        ? runs(realm, e.getFlowId(), depth + 1)
                        : AccessKeyAuthenticatorFactory.PROVIDER_ID.equals(e.getAuthenticator()));
    }
}
