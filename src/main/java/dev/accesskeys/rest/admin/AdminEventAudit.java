package dev.accesskeys.rest.admin;

import dev.accesskeys.AccessKeys;
import dev.accesskeys.model.AccessKey;
import dev.accesskeys.rest.AccessKeyRepresentation;
import dev.accesskeys.rest.KeyAudit;

import org.keycloak.events.admin.OperationType;
import org.keycloak.services.resources.admin.AdminEventBuilder;

/**
 * Admin events for admin changes: resource type {@code ACCESS_KEY}, path {@code access-keys/{id}}, the key as
 * representation (which never holds a secret or its hash).
 */
final class AdminEventAudit implements KeyAudit {

    private final AdminEventBuilder adminEvent;

    AdminEventAudit(AdminEventBuilder adminEvent) {
        this.adminEvent = adminEvent;
    }

    @Override
    public void record(Action action, AccessKey key, AccessKeyRepresentation representation) {
        OperationType operation = switch (action) {
            case CREATE -> OperationType.CREATE;
            case UPDATE, REVOKE, ROTATE -> OperationType.UPDATE;
            case DELETE -> OperationType.DELETE;
        };
        adminEvent
                .operation(operation)
                .resource(AccessKeys.ADMIN_RESOURCE_TYPE)
                .resourcePath(AccessKeys.REST_PROVIDER_ID, key.getId())
                .representation(representation)
                .detail(AccessKeys.ACTION_DETAIL, action.value())
                .detail("userId", key.getUserId())
                .success();
    }
}
