package dev.accesskeys.rest.admin;

import java.util.Set;

import dev.accesskeys.model.AccessKey;
import dev.accesskeys.rest.AccessKeyRepresentation;
import dev.accesskeys.rest.AccessKeyResource;
import dev.accesskeys.rest.KeyAudit;
import dev.accesskeys.rest.ListParams;
import dev.accesskeys.rest.RequestBodies;
import dev.accesskeys.rest.Responses;
import dev.accesskeys.service.AccessKeyException;
import dev.accesskeys.service.AccessKeyService;
import dev.accesskeys.service.Change;
import dev.accesskeys.service.IssuedKey;

import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;
import org.keycloak.models.UserModel;
import org.keycloak.services.resources.admin.AdminEventBuilder;
import org.keycloak.services.resources.admin.fgap.AdminPermissionEvaluator;

import com.fasterxml.jackson.databind.node.ObjectNode;

import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;

/**
 * Every key of a realm, for realm admins: {@code /admin/realms/{realm}/access-keys}. Reading needs
 * {@code view-users}, changing needs {@code manage-users}, the policy needs {@code view-realm} / {@code manage-realm}.
 */
public final class AdminAccessKeysResource {

    private static final String USER_ID = "userId";

    private final KeycloakSession session;
    private final RealmModel realm;
    private final AdminPermissionEvaluator auth;
    private final AdminEventBuilder adminEvent;

    AdminAccessKeysResource(KeycloakSession session, RealmModel realm, AdminPermissionEvaluator auth, AdminEventBuilder adminEvent) {
        this.session = session;
        this.realm = realm;
        this.auth = auth;
        this.adminEvent = adminEvent;
    }

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    public Response list(@QueryParam("userId") String userId, @QueryParam("status") String status,
                         @QueryParam("search") String search, @QueryParam("first") String first,
                         @QueryParam("max") String max, @QueryParam("sort") String sort,
                         @QueryParam("order") String order) {
        return Responses.handle(session, () -> {
            auth.users().requireView();
            return Responses.json(AccessKeyRepresentation.list(service(),
                    ListParams.query(emptyToNull(userId), status, search, first, max, sort, order)));
        });
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    public Response create(@Context HttpHeaders headers, @Context UriInfo uriInfo, String body) {
        return Responses.handle(session, () -> {
            auth.users().requireManage();
            ObjectNode json = RequestBodies.object(headers, body);
            Change<String> userId = RequestBodies.text(json, USER_ID);
            if (userId == null || userId.value() == null || userId.value().isBlank()) {
                throw AccessKeyException.invalid(USER_ID, "is required: the id of the user who will own the key");
            }
            UserModel owner = userId.value().length() > 255 ? null : session.users().getUserById(realm, userId.value());
            if (owner == null) {
                throw AccessKeyException.invalid(USER_ID, "no user with that id in realm '" + realm.getName() + "'");
            }
            if (owner.getServiceAccountClientLink() != null) {
                throw AccessKeyException.invalid(USER_ID, "service accounts have no access keys");
            }
            AccessKeyService service = service();
            IssuedKey issued = service.create(owner, RequestBodies.keyChanges(json, Set.of(USER_ID)), auth.adminAuth().getUser().getId());
            new AdminEventAudit(adminEvent).record(KeyAudit.Action.CREATE, issued.key(), AccessKeyRepresentation.of(issued.key(), service));
            return Response.created(uriInfo.getAbsolutePathBuilder().path(issued.key().getId()).build())
                    .type(MediaType.APPLICATION_JSON_TYPE)
                    .entity(AccessKeyRepresentation.withSecret(issued, service))
                    .build();
        });
    }

    @Path("policy")
    public PolicyResource policy() {
        return new PolicyResource(session, service(), auth, adminEvent);
    }

    @Path("{id}")
    public AccessKeyResource key(@PathParam("id") String id) {
        return Responses.locate(() -> {
            auth.users().requireView();
            AccessKeyService service = service();
            AccessKey key = service.require(id);
            return new AccessKeyResource(session, service, key, () -> auth.users().requireManage(), new AdminEventAudit(adminEvent));
        });
    }

    private AccessKeyService service() {
        return new AccessKeyService(session, realm);
    }

    private static String emptyToNull(String value) {
        return value == null || value.isEmpty() ? null : value;
    }
}
