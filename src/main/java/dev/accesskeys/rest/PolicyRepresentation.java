package dev.accesskeys.rest;

import java.util.List;

import dev.accesskeys.model.KeyPolicy;

import com.fasterxml.jackson.annotation.JsonInclude;

/** The realm policy as the REST APIs show it: every field, null ones included (null = no limit / realm default). */
@JsonInclude(JsonInclude.Include.ALWAYS)
public record PolicyRepresentation(int maxKeysPerUser, Integer maxLifetimeDays, boolean requireExpiration,
                                   Integer defaultLifetimeDays, boolean deleteRequiresInactive,
                                   Integer accessTokenLifespanSeconds, int maxRotationOverlapSeconds,
                                   List<Integer> expiryNotificationDays, int revokedRetentionDays,
                                   String leakedKeyAction) {

    public static PolicyRepresentation of(KeyPolicy policy) {
        return new PolicyRepresentation(policy.maxKeysPerUser(), policy.maxLifetimeDays(), policy.requireExpiration(),
                policy.defaultLifetimeDays(), policy.deleteRequiresInactive(), policy.accessTokenLifespanSeconds(),
                policy.maxRotationOverlapSeconds(), policy.expiryNotificationDays(), policy.revokedRetentionDays(),
                policy.leakedKeyAction());
    }
}
