package dev.accesskeys.rest.account;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

import dev.accesskeys.model.AccessKey;
import dev.accesskeys.rest.AccessKeyRepresentation;
import dev.accesskeys.rest.AccessKeyResource;
import dev.accesskeys.rest.KeyAudit;
import dev.accesskeys.rest.ListParams;
import dev.accesskeys.rest.RequestBodies;
import dev.accesskeys.rest.Responses;
import dev.accesskeys.service.AccessKeyService;
import dev.accesskeys.service.IssuedKey;
import dev.accesskeys.service.KeyOptions;

import org.keycloak.models.KeycloakSession;

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

/** The caller's own keys: {@code /realms/{realm}/access-keys}. */
public final class AccountAccessKeysResource {

    private final KeycloakSession session;

    AccountAccessKeysResource(KeycloakSession session) {
        this.session = session;
    }

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    public Response list(@QueryParam("status") String status, @QueryParam("search") String search,
                         @QueryParam("first") String first, @QueryParam("max") String max,
                         @QueryParam("sort") String sort, @QueryParam("order") String order) {
        return Responses.handle(session, () -> {
            AccountAuth auth = AccountAuth.authenticate(session);
            return Responses.json(AccessKeyRepresentation.list(service(),
                    ListParams.query(auth.user().getId(), status, search, first, max, sort, order)));
        });
    }

    @GET
    @Path("count")
    @Produces(MediaType.APPLICATION_JSON)
    public Response count(@QueryParam("status") String status, @QueryParam("search") String search) {
        return Responses.handle(session, () -> {
            AccountAuth auth = AccountAuth.authenticate(session);
            return Responses.json(service().count(ListParams.filters(auth.user().getId(), status, search)));
        });
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    public Response create(@Context HttpHeaders headers, @Context UriInfo uriInfo, String body) {
        return Responses.handle(session, () -> {
            AccountAuth auth = AccountAuth.authenticate(session);
            AccessKeyService service = service();
            IssuedKey issued = service.create(auth.user(), RequestBodies.keyChanges(RequestBodies.object(headers, body), Set.of()),
                    auth.user().getId());
            new UserEventAudit(session, auth).record(KeyAudit.Action.CREATE, issued.key(), AccessKeyRepresentation.of(issued.key(), service));
            return Response.created(uriInfo.getAbsolutePathBuilder().path(issued.key().getId()).build())
                    .type(MediaType.APPLICATION_JSON_TYPE)
                    .entity(AccessKeyRepresentation.withSecret(issued, service))
                    .build();
        });
    }

    @GET
    @Path("options")
    @Produces(MediaType.APPLICATION_JSON)
    public Response options() {
        return Responses.handle(session, () -> {
            AccountAuth auth = AccountAuth.authenticate(session);
            KeyOptions options = service().options(auth.user());
            Map<String, Object> body = new LinkedHashMap<>();
            body.put("scopes", options.scopes());
            body.put("clients", options.clients());
            body.put("roles", options.roles());
            body.put("policy", options.policy());
            body.put("activeKeys", options.activeKeys());
            return Responses.json(body);
        });
    }

    @Path("{id}")
    public AccessKeyResource key(@PathParam("id") String id) {
        return Responses.locate(() -> {
            AccountAuth auth = AccountAuth.authenticate(session);
            AccessKeyService service = service();
            AccessKey key = service.requireOwned(auth.user(), id);
            return new AccessKeyResource(session, service, key, () -> { }, new UserEventAudit(session, auth));
        });
    }

    private AccessKeyService service() {
        return new AccessKeyService(session, session.getContext().getRealm());
    }
}
