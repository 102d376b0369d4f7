package dev.accesskeys;

/**
 * Names that are part of the public contract: provider ids, the grant URN, claim, attribute and event detail names.
 */
public final class AccessKeys {

    /** Provider id of the self-service and admin REST resources: {@code /realms/{realm}/access-keys}. */
    public static final String REST_PROVIDER_ID = "access-keys";

    /** The extension grant type exchanged at the token endpoint. */
    public static final String GRANT_TYPE = "urn:access-keys:grant-type:access-key";

    /** Client attribute that allows the access-key grant on a client. */
    public static final String CLIENT_GRANT_ENABLED_ATTRIBUTE = "access.key.grant.enabled";

    /** Token claim and event detail carrying the key ID. */
    public static final String ACCESS_KEY_ID_CLAIM = "access_key_id";

    /** Event detail naming what happened to a key (create, update, rotate, revoke, delete). */
    public static final String ACTION_DETAIL = "access_key_action";

    /** Value of the credential_type event detail. */
    public static final String CREDENTIAL_TYPE = "access-key";

    /** Admin-event resource type of keys and of the realm policy. */
    public static final String ADMIN_RESOURCE_TYPE = "ACCESS_KEY";
    public static final String ADMIN_POLICY_RESOURCE_TYPE = "ACCESS_KEY_POLICY";

    private AccessKeys() {
    }
}
