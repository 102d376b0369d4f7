package dev.accesskeys.rest;

import java.util.Set;

import dev.accesskeys.model.AccessKey;
import dev.accesskeys.service.KeyEdits;
import dev.accesskeys.service.IssuedKey;

import org.keycloak.models.KeycloakSession;

import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

/**
 * One key, {@code .../access-keys/{id}}: the same operations on the self-service and the admin API. The parent
 * resource has already checked that the caller may see this key.
 */
public final class AccessKeyResource {

    private final KeycloakSession session;
    private final KeyEdits edits;
    private final AccessKey key;
    private final KeyGuard guard;
    private final KeyAudit audit;

    public AccessKeyResource(KeycloakSession session, KeyEdits edits, AccessKey key, KeyGuard guard, KeyAudit audit) {
        this.session = session;
        this.edits = edits;
        this.key = key;
        this.guard = guard;
        this.audit = audit;
    }

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    public Response get() {
        return Responses.handle(session, () -> Responses.json(AccessKeyRepresentation.of(key)));
    }

    @PATCH
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    public Response update(@Context HttpHeaders headers, String body) {
        return Responses.handle(session, () -> {
            guard.requireManage();
            edits.update(key, RequestBodies.keyChanges(RequestBodies.object(headers, body), Set.of()));
            return changed(KeyAudit.Action.UPDATE);
        });
    }

    @POST
    @Path("revoke")
    @Produces(MediaType.APPLICATION_JSON)
    public Response revoke() {
        return Responses.handle(session, () -> {
            guard.requireManage();
            if (edits.revoke(key)) {
                return changed(KeyAudit.Action.REVOKE);
            }
            return Responses.json(AccessKeyRepresentation.of(key));
        });
    }

    /** Optional JSON body {@code {"overlapSeconds": n, "expiresAt": ms}}; none = the old secret stops at once. */
    @POST
    @Path("rotate")
    @Produces(MediaType.APPLICATION_JSON)
    public Response rotate(@Context HttpHeaders headers, String body) {
        return Responses.handle(session, () -> {
            guard.requireIssueSecret();
            RequestBodies.RotateRequest request = RequestBodies.rotate(headers, body);
            IssuedKey issued = edits.rotate(key, request.overlapSeconds(), request.expiresAt());
            audit.record(KeyAudit.Action.ROTATE, key, AccessKeyRepresentation.of(key));
            return Responses.secret(Response.ok(), AccessKeyRepresentation.withSecret(issued));
        });
    }

    @DELETE
    public Response delete() {
        return Responses.handle(session, () -> {
            guard.requireManage();
            AccessKeyRepresentation before = AccessKeyRepresentation.of(key);
            edits.delete(key);
            audit.record(KeyAudit.Action.DELETE, key, before);
            return Response.noContent().build();
        });
    }

    private Response changed(KeyAudit.Action action) {
        AccessKeyRepresentation rep = AccessKeyRepresentation.of(key);
        audit.record(action, key, rep);
        return Responses.json(rep);
    }
}
