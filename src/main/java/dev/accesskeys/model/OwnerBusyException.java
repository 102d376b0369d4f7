package dev.accesskeys.model;

/**
 * The store could not lock a user's keys in time because other changes to them held the lock (a lock timeout of the
 * database). Nothing was changed; the same request may succeed when retried.
 */
public final class OwnerBusyException extends RuntimeException {

    public OwnerBusyException(String message, Throwable cause) {
        super(message, cause);
    }
}
