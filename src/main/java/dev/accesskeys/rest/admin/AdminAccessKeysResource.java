package dev.accesskeys.rest.admin;

import java.util.List;
import java.util.Set;

import dev.accesskeys.model.AccessKey;
import dev.accesskeys.model.AccessKeyQuery;
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
import dev.accesskeys.service.KeyReads;

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
 * Every key of a realm, for realm admins: {@code /admin/realms/{realm}/access-keys}. Permissions are Keycloak's own
 * per-user ones (fine-grained admin permissions included): reading a key needs {@code view} of its owner, changing
 * it {@code manage} of its owner, and creating or rotating a key of another user — which hands out a secret that acts
 * as that user — also permission to impersonate that user. Lists hold only keys of users the admin may view. The
 * policy needs {@code view-realm} / {@code manage-realm}.
 */
public final class AdminAccessKeysResource {

    private static final String USER_ID = "userId";

    private final KeycloakSession session;
    private final RealmModel realm;
    private final AdminPermissionEvaluator auth;
    private final AdminEventBuilder adminEvent;
    private final OwnerPermissions owners;

    AdminAccessKeysResource(KeycloakSession session, RealmModel realm, AdminPermissionEvaluator auth, AdminEventBuilder adminEvent) {
        this.session = session;
        this.realm = realm;
        this.auth = auth;
        this.adminEvent = adminEvent;
        this.owners = new OwnerPermissions(session, realm, auth);
    }

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    public Response list(@QueryParam("userId") String userId, @QueryParam("status") String status,
                         @QueryParam("search") String search, @QueryParam("first") String first,
                         @QueryParam("max") String max, @QueryParam("sort") String sort,
                         @QueryParam("order") String order) {
        return Responses.handle(session, () -> {
            auth.users().requireQuery();
            KeyReads reads = service().reads(realm);
            AccessKeyQuery query = ListParams.query(emptyToNull(userId), status, search, first, max, sort, order);
            List<AccessKey> keys = auth.users().canView() ? reads.list(query)
                    : reads.listWhere(query, key -> owners.canView(key.getUserId()));
            return Responses.json(AccessKeyRepresentation.list(keys));
        });
    }

    @GET
    @Path("count")
    @Produces(MediaType.APPLICATION_JSON)
    public Response count(@QueryParam("userId") String userId, @QueryParam("status") String status,
                          @QueryParam("search") String search) {
        return Responses.handle(session, () -> {
            auth.users().requireQuery();
            AccessKeyQuery filters = ListParams.filters(emptyToNull(userId), status, search);
            return Responses.json(auth.users().canView() ? service().reads(realm).count(filters)
                    : service().reads(realm).countWhere(filters, key -> owners.canView(key.getUserId())));
        });
    }

    @POST
    @Path("revoke")
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    public Response revoke(@Context HttpHeaders headers, String body) {
        return Responses.handle(session, () -> {
            auth.users().requireQuery();
            BulkRevoke bulk = new BulkRevoke(service().reads(realm), service().edits(realm), new AdminEventAudit(adminEvent),
                    key -> owners.guard(owners.requireView(key.getUserId())).requireManage());
            return Responses.json(bulk.run(RequestBodies.object(headers, body)));
        });
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    public Response create(@Context HttpHeaders headers, @Context UriInfo uriInfo, String body) {
        return Responses.handle(session, () -> {
            auth.users().requireQuery();
            ObjectNode json = RequestBodies.object(headers, body);
            Change<String> userId = RequestBodies.text(json, USER_ID);
            if (userId == null || userId.value() == null || userId.value().isBlank()) {
                throw AccessKeyException.invalid(USER_ID, "is required: the id of the user who will own the key");
            }
            UserModel owner = userId.value().length() > 255 ? null : session.users().getUserById(realm, userId.value());
            if (owner == null) {
                throw AccessKeyException.invalid(USER_ID, "no user with that id in realm '" + realm.getName() + "'");
            }
            owners.requireIssueSecret(owner);
            if (owner.getServiceAccountClientLink() != null) {
                throw AccessKeyException.invalid(USER_ID, "service accounts have no access keys");
            }
            IssuedKey issued = service().edits(realm).create(owner, RequestBodies.keyChanges(json, Set.of(USER_ID)), auth.adminAuth().getUser().getId());
            new AdminEventAudit(adminEvent).record(KeyAudit.Action.CREATE, issued.key(), AccessKeyRepresentation.of(issued.key()));
            return Responses.secret(Response.created(uriInfo.getAbsolutePathBuilder().path(issued.key().getId()).build()),
                    AccessKeyRepresentation.withSecret(issued));
        });
    }

    @Path("policy")
    public PolicyResource policy() {
        return new PolicyResource(session, service().policies(realm), auth, adminEvent);
    }

    @Path("{id}")
    public AccessKeyResource key(@PathParam("id") String id) {
        return Responses.locate(() -> {
            auth.users().requireQuery();
            AccessKey key = service().reads(realm).require(id);
            UserModel owner = owners.requireView(key.getUserId());
            return new AccessKeyResource(session, service().edits(realm), key, owners.guard(owner), new AdminEventAudit(adminEvent));
        });
    }

    private AccessKeyService service() {
        return AccessKeyService.of(session);
    }

    private static String emptyToNull(String value) {
        return value == null || value.isEmpty() ? null : value;
    }
}
