package dev.accesskeys.service;

/**
 * A refusal by the rules of access keys: a {@link Reason} and a description for humans. The HTTP status and the
 * error code are chosen where the refusal leaves the server (the REST resources). Never carries a secret; has no
 * stack trace, as it is an expected outcome rather than a fault.
 */
public final class AccessKeyException extends RuntimeException {

    /** Why a request was refused. */
    public enum Reason {
        /** A field or a request breaks a rule; the description names the field first. */
        INVALID_INPUT,
        /** A limit of the realm policy is reached (keys per user, stored keys). */
        LIMIT_REACHED,
        /** No such key in the realm (or not the caller's, which reads the same). */
        NOT_FOUND,
        /** The change conflicts with the key's state: a name in use, a revoked key, an active key the policy keeps. */
        CONFLICT,
        /** Other changes to the same owner's keys hold the lock; nothing changed and a retry may work. */
        BUSY
    }

    private final Reason reason;

    private AccessKeyException(Reason reason, String description) {
        super(description, null, false, false);
        this.reason = reason;
    }

    public static AccessKeyException invalid(String field, String problem) {
        return new AccessKeyException(Reason.INVALID_INPUT, field + ": " + problem);
    }

    public static AccessKeyException invalidRequest(String description) {
        return new AccessKeyException(Reason.INVALID_INPUT, description);
    }

    public static AccessKeyException limitReached(String description) {
        return new AccessKeyException(Reason.LIMIT_REACHED, description);
    }

    public static AccessKeyException notFound(String description) {
        return new AccessKeyException(Reason.NOT_FOUND, description);
    }

    public static AccessKeyException conflict(String description) {
        return new AccessKeyException(Reason.CONFLICT, description);
    }

    public static AccessKeyException busy(String description) {
        return new AccessKeyException(Reason.BUSY, description);
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

    public Reason reason() {
        return reason;
    }
}
