package dev.accesskeys.model;

/**
 * One use of a key to record: when, from which client address, unless a use after {@code notBefore} is already
 * recorded (see {@link AccessKeyProvider#recordUse}).
 */
public record KeyUse(String realmId, String keyId, long at, String ip, long notBefore) {
}
