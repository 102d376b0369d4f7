package dev.accesskeys.rest.admin;


import dev.accesskeys.AccessKeys;
import dev.accesskeys.rest.RequestBodies;
import dev.accesskeys.rest.Responses;
import dev.accesskeys.rest.PolicyRepresentation;
import dev.accesskeys.service.KeyPolicies;

import org.keycloak.events.admin.OperationType;
import org.keycloak.models.KeycloakSession;
import org.keycloak.services.resources.admin.AdminEventBuilder;
import org.keycloak.services.resources.admin.fgap.AdminPermissionEvaluator;


import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

/** The realm's access-key policy: {@code /admin/realms/{realm}/access-keys/policy}. */
public final class PolicyResource {

    private final KeycloakSession session;
    private final KeyPolicies policies;
    private final AdminPermissionEvaluator auth;
    private final AdminEventBuilder adminEvent;

    PolicyResource(KeycloakSession session, KeyPolicies policies, AdminPermissionEvaluator auth, AdminEventBuilder adminEvent) {
        this.session = session;
        this.policies = policies;
        this.auth = auth;
        this.adminEvent = adminEvent;
    }

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    public Response get() {
        return Responses.handle(session, () -> {
            auth.realm().requireViewRealm();
            return Responses.json(PolicyRepresentation.of(policies.current()));
        });
    }

    /** Replaces the policy; a field left out takes its default. The answer adds {@code keysChanged}. */
    @PUT
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    public Response put(@Context HttpHeaders headers, String body) {
        return Responses.handle(session, () -> {
            auth.realm().requireManageRealm();
            KeyPolicies.PolicyUpdate update = policies.replace(RequestBodies.policy(RequestBodies.object(headers, body)));
            adminEvent.operation(OperationType.UPDATE)
                    .resource(AccessKeys.ADMIN_POLICY_RESOURCE_TYPE)
                    .resourcePath(AccessKeys.REST_PROVIDER_ID, "policy")
                    .representation(PolicyRepresentation.of(update.policy()))
                    .success();
            // the policy as stored, and how many existing keys it gave an expiry (a tightened policy binds them)
            // every field, null ones included, as GET /policy answers it
            ObjectNode answer = new ObjectMapper().valueToTree(PolicyRepresentation.of(update.policy()));
            answer.put("keysChanged", update.keysChanged());
            return Responses.json(answer);
        });
    }
}
