package dev.accesskeys.rest;

/** The permission a caller needs to change a key, checked first in every changing method. */
@FunctionalInterface
public interface KeyGuard {

    /** Throws when the caller may not change keys. */
    void requireManage();
}
