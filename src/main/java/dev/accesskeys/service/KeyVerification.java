package dev.accesskeys.service;

import dev.accesskeys.model.AccessKey;

import org.keycloak.models.UserModel;

/**
 * What checking a presented key ID and secret found. Callers answer every failure alike; the outcome is for events
 * and throttling.
 */
public record KeyVerification(Outcome outcome, AccessKey key, UserModel owner) {

    public enum Outcome {
        VALID, UNKNOWN_KEY, WRONG_SECRET, DISABLED, REVOKED, EXPIRED, OWNER_DISABLED
    }

    public boolean isValid() {
        return outcome == Outcome.VALID;
    }
}
