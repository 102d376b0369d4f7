package dev.accesskeys.model;

/**
 * Filters of a key listing; null fields do not filter.
 *
 * @param userId  owner
 * @param status  derived status
 * @param search  a prefix of the name (case-insensitive) or of the key ID, or the owner's exact username
 * @param first   offset
 * @param max     page size
 */
public record AccessKeyQuery(String userId, AccessKeyStatus status, String search, int first, int max) {
}
