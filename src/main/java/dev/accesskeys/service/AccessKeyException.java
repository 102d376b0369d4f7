package dev.accesskeys.service;

/**
 * A refusal with an HTTP status, an error code and a description for humans. Never carries a secret; has no stack
 * trace, as it is an expected outcome rather than a fault.
 */
public final class AccessKeyException extends RuntimeException {

    private final int status;
    private final String error;

    private AccessKeyException(int status, String error, String description) {
        super(description, null, false, false);
        this.status = status;
        this.error = error;
    }

    public static AccessKeyException invalid(String field, String problem) {
        return new AccessKeyException(400, "invalid_request", field + ": " + problem);
    }

    public static AccessKeyException badRequest(String description) {
        return new AccessKeyException(400, "invalid_request", description);
    }

    public static AccessKeyException unauthorized(String description) {
        return new AccessKeyException(401, "invalid_token", description);
    }

    public static AccessKeyException forbidden(String description) {
        return new AccessKeyException(403, "access_denied", description);
    }

    public static AccessKeyException notFound(String description) {
        return new AccessKeyException(404, "not_found", description);
    }

    public static AccessKeyException conflict(String description) {
        return new AccessKeyException(409, "conflict", description);
    }

    /** 503: the request met a passing condition of the server (e.g. a lock wait that timed out); retrying may work. */
    public static AccessKeyException busy(String description) {
        return new AccessKeyException(503, "temporarily_unavailable", description);
    }

    public static AccessKeyException unsupportedMediaType(String description) {
        return new AccessKeyException(415, "unsupported_media_type", description);
    }

    /**
     * A value a caller sent, as it may be echoed in a description: at most 64 characters, control characters
     * replaced by {@code ?}, null as empty.
     */
    public static String shown(String value) {
        if (value == null) {
            return "";
        }
        String printable = value.codePoints().map(c -> Character.isISOControl(c) ? '?' : c)
                .collect(StringBuilder::new, StringBuilder::appendCodePoint, StringBuilder::append).toString();
        return printable.length() > 64 ? printable.substring(0, 64) + "…" : printable;
    }

    public int getStatus() {
        return status;
    }

    public String getError() {
        return error;
    }
}
