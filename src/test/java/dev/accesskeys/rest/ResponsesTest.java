package dev.accesskeys.rest;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Map;

import dev.accesskeys.service.AccessKeyException;

import org.junit.jupiter.api.Test;

import jakarta.ws.rs.core.Response;

/** The contract's HTTP status and error code for each reason a rule refuses a request, chosen at the REST edge. */
class ResponsesTest {

    @Test
    void eachReasonHasItsStatusAndCode() {
        assertRefusal(AccessKeyException.invalid("name", "is required"), 400, "invalid_request", "name: is required");
        assertRefusal(AccessKeyException.limitReached("too many"), 400, "invalid_request", "too many");
        assertRefusal(AccessKeyException.notFound("no access key 'x'"), 404, "not_found", "no access key 'x'");
        assertRefusal(AccessKeyException.conflict("revoked"), 409, "conflict", "revoked");
        assertRefusal(AccessKeyException.busy("try again"), 503, "temporarily_unavailable", "try again");
        assertRefusal(Refusal.unauthorized("token"), 401, "invalid_token", "token");
        assertRefusal(Refusal.forbidden("no"), 403, "access_denied", "no");
        assertRefusal(Refusal.unsupportedMediaType("json"), 415, "unsupported_media_type", "json");
    }

    private static void assertRefusal(RuntimeException refusal, int status, String error, String description) {
        Response response = Responses.refusal(refusal);
        assertEquals(status, response.getStatus());
        assertEquals(Map.of("error", error, "error_description", description), response.getEntity());
    }
}
