package dev.accesskeys.rest;

/** The permissions a caller needs to change a key, checked first in every changing method. */
@FunctionalInterface
public interface KeyGuard {

    /** Throws when the caller may not change the key. */
    void requireManage();

    /**
     * Throws when the caller may not be handed a new secret of the key (rotate): a secret acts as the key's owner, so
     * for another user's key this needs more than {@link #requireManage()}.
     */
    default void requireIssueSecret() {
        requireManage();
    }
}
