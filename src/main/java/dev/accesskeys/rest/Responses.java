package dev.accesskeys.rest;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Supplier;

import dev.accesskeys.service.AccessKeyException;

import org.keycloak.models.KeycloakSession;

import jakarta.ws.rs.ForbiddenException;
import jakarta.ws.rs.NotAuthorizedException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

/** JSON error bodies {@code {"error", "error_description"}} and the guard every resource method runs in. */
public final class Responses {

    private Responses() {
    }

    public static Response error(int status, String error, String description) {
        Map<String, String> body = new LinkedHashMap<>();
        body.put("error", error);
        body.put("error_description", description);
        return Response.status(status).type(MediaType.APPLICATION_JSON_TYPE).entity(body).build();
    }

    /**
     * Runs a resource method: a refusal becomes its JSON error and rolls the transaction back, so a request that is
     * refused changes nothing.
     */
    public static Response handle(KeycloakSession session, Supplier<Response> action) {
        try {
            return action.get();
        } catch (AccessKeyException | Refusal | ForbiddenException | NotAuthorizedException e) {
            session.getTransactionManager().setRollbackOnly();
            return refusal(e);
        }
    }

    /**
     * Runs a sub-resource locator: a refusal ends the request with its JSON error (a JAX-RS exception that carries
     * its response, which the runtime sends as it is).
     */
    public static <T> T locate(Supplier<T> locator) {
        try {
            return locator.get();
        } catch (AccessKeyException | Refusal | ForbiddenException | NotAuthorizedException e) {
            throw new WebApplicationException(refusal(e));
        }
    }

    /** The contract's JSON error for a refusal: the reason of a rule chooses the HTTP status and the error code. */
    static Response refusal(RuntimeException e) {
        if (e instanceof AccessKeyException refused) {
            return switch (refused.reason()) {
                case INVALID_INPUT, LIMIT_REACHED -> error(400, "invalid_request", refused.getMessage());
                case NOT_FOUND -> error(404, "not_found", refused.getMessage());
                case CONFLICT -> error(409, "conflict", refused.getMessage());
                case BUSY -> error(503, "temporarily_unavailable", refused.getMessage());
            };
        }
        if (e instanceof Refusal refused) {
            return error(refused.status(), refused.error(), refused.getMessage());
        }
        if (e instanceof ForbiddenException) {
            return error(403, "access_denied", "the caller lacks the role this operation needs");
        }
        return error(401, "invalid_token", "a valid bearer token is required");
    }

    /** An answer that carries a secret: never stored by a cache or a browser. */
    public static Response secret(Response.ResponseBuilder builder, Object entity) {
        return builder.type(MediaType.APPLICATION_JSON_TYPE).entity(entity)
                .header(HttpHeaders.CACHE_CONTROL, "no-store")
                .header("Pragma", "no-cache")
                .build();
    }

    public static Response json(Object entity) {
        return Response.ok(entity, MediaType.APPLICATION_JSON_TYPE).build();
    }
}
