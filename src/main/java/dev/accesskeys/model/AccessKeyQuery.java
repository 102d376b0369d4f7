package dev.accesskeys.model;

/**
 * Filters of a key listing; null fields do not filter.
 *
 * @param userId  owner
 * @param status  derived status
 * @param search  case-insensitive part of the name or key ID; when the query is not limited to one owner
 *                ({@code userId} null), also the start of the owner's username
 * @param first   offset
 * @param max     page size
 */
public record AccessKeyQuery(String userId, AccessKeyStatus status, String search, int first, int max) {
}
