package dev.accesskeys.rest;

/**
 * A refusal made by the REST edge itself, before any rule of access keys runs: no valid caller (401), a caller who
 * may not do this (403), a body that is not JSON (415). Carries its HTTP status and error code; no stack trace.
 */
public final class Refusal extends RuntimeException {

    private final int status;
    private final String error;

    private Refusal(int status, String error, String description) {
        super(description, null, false, false);
        this.status = status;
        this.error = error;
    }

    public static Refusal unauthorized(String description) {
        return new Refusal(401, "invalid_token", description);
    }

    public static Refusal forbidden(String description) {
        return new Refusal(403, "access_denied", description);
    }

    static Refusal unsupportedMediaType(String description) {
        return new Refusal(415, "unsupported_media_type", description);
    }

    int status() {
        return status;
    }

    String error() {
        return error;
    }
}
