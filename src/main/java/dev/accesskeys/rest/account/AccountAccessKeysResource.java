package dev.accesskeys.rest.account;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import dev.accesskeys.lifecycle.KeyLifecycleProvider;
import dev.accesskeys.model.AccessKey;
import dev.accesskeys.rest.AccessKeyRepresentation;
import dev.accesskeys.rest.AccessKeyResource;
import dev.accesskeys.rest.KeyAudit;
import dev.accesskeys.rest.ListParams;
import dev.accesskeys.rest.RequestBodies;
import dev.accesskeys.rest.PolicyRepresentation;
import dev.accesskeys.rest.Responses;
import dev.accesskeys.service.AccessKeyService;
import dev.accesskeys.service.IssuedKey;
import dev.accesskeys.service.KeyOptions;

import org.keycloak.common.util.Time;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;

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

    static final int MAX_LEAKED_SECRETS = 100;

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
            return Responses.json(AccessKeyRepresentation.list(service().reads(realm()).list(
                    ListParams.query(auth.user().getId(), status, search, first, max, sort, order))));
        });
    }

    @GET
    @Path("count")
    @Produces(MediaType.APPLICATION_JSON)
    public Response count(@QueryParam("status") String status, @QueryParam("search") String search) {
        return Responses.handle(session, () -> {
            AccountAuth auth = AccountAuth.authenticate(session);
            return Responses.json(service().reads(realm()).count(ListParams.filters(auth.user().getId(), status, search)));
        });
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    public Response create(@Context HttpHeaders headers, @Context UriInfo uriInfo, String body) {
        return Responses.handle(session, () -> {
            AccountAuth auth = AccountAuth.authenticate(session);
            IssuedKey issued = service().edits(realm()).create(auth.user(), RequestBodies.keyChanges(RequestBodies.object(headers, body), Set.of()),
                    auth.actorId());
            new UserEventAudit(session, auth).record(KeyAudit.Action.CREATE, issued.key(), AccessKeyRepresentation.of(issued.key()));
            return Responses.secret(Response.created(uriInfo.getAbsolutePathBuilder().path(issued.key().getId()).build()),
                    AccessKeyRepresentation.withSecret(issued));
        });
    }

    @GET
    @Path("options")
    @Produces(MediaType.APPLICATION_JSON)
    public Response options() {
        return Responses.handle(session, () -> {
            AccountAuth auth = AccountAuth.authenticate(session);
            KeyOptions options = service().choices(realm()).of(auth.user());
            Map<String, Object> body = new LinkedHashMap<>();
            body.put("scopes", options.scopes());
            body.put("clients", options.clients());
            body.put("roles", options.roles());
            body.put("policy", PolicyRepresentation.of(options.policy()));
            body.put("activeKeys", options.activeKeys());
            return Responses.json(body);
        });
    }

    /**
     * Leaked-secret reports, as GitHub's credential revocation API: no authentication, {@code {"secrets": [...]}}
     * (at most {@value #MAX_LEAKED_SECRETS}), always {@code 202 {"received": n}} whether or not a secret matched;
     * rate-limited per client address (429 with {@code Retry-After}).
     */
    @POST
    @Path("leaked")
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    public Response leaked(@Context HttpHeaders headers, String body) {
        return Responses.handle(session, () -> {
            KeyLifecycleProvider lifecycle = session.getProvider(KeyLifecycleProvider.class);
            String address = session.getContext().getConnection().getRemoteAddr();
            if (!lifecycle.admitLeakedReport(address, Time.currentTimeMillis())) {
                return Response.fromResponse(Responses.error(429, "too_many_requests",
                                "too many leaked-secret reports from this address; try again later"))
                        .header("Retry-After", lifecycle.retryAfterSeconds()).build();
            }
            List<String> secrets = RequestBodies.leakedSecrets(headers, body, MAX_LEAKED_SECRETS);
            lifecycle.reportLeaked(session.getContext().getRealm(), secrets);
            return Response.accepted(Map.of("received", secrets.size())).type(MediaType.APPLICATION_JSON_TYPE).build();
        });
    }

    @Path("{id}")
    public AccessKeyResource key(@PathParam("id") String id) {
        return Responses.locate(() -> {
            AccountAuth auth = AccountAuth.authenticate(session);
            AccessKey key = service().reads(realm()).requireOwned(auth.user(), id);
            return new AccessKeyResource(session, service().edits(realm()), key, () -> { }, new UserEventAudit(session, auth));
        });
    }

    private AccessKeyService service() {
        return AccessKeyService.of(session);
    }

    private RealmModel realm() {
        return session.getContext().getRealm();
    }
}
