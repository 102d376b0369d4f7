package dev.accesskeys.rest;

import dev.accesskeys.model.AccessKey;

/** Records a change to a key: a user event on the self-service API, an admin event on the admin API. */
public interface KeyAudit {

    enum Action {
        CREATE, UPDATE, ROTATE, REVOKE, DELETE;

        public String value() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }
    }

    /** @param representation the key as it is after the change, without a secret */
    void record(Action action, AccessKey key, AccessKeyRepresentation representation);
}
