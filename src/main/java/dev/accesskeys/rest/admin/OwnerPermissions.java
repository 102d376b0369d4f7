package dev.accesskeys.rest.admin;

import java.util.HashMap;
import java.util.Map;

import dev.accesskeys.rest.KeyGuard;

import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;
import org.keycloak.models.UserModel;
import org.keycloak.services.resources.admin.fgap.AdminPermissionEvaluator;

import jakarta.ws.rs.ForbiddenException;

/**
 * Keycloak's user permissions applied to a key's owner: {@code view} to read, {@code manage} to change, and for a
 * new secret of another user's key (create, rotate) also {@code impersonate}, since the secret acts as that user.
 * Fine-grained admin permissions (v1 and v2) decide through Keycloak's own evaluator.
 */
final class OwnerPermissions {

    private final KeycloakSession session;
    private final RealmModel realm;
    private final AdminPermissionEvaluator auth;
    private final Map<String, Boolean> viewable = new HashMap<>();

    OwnerPermissions(KeycloakSession session, RealmModel realm, AdminPermissionEvaluator auth) {
        this.session = session;
        this.realm = realm;
        this.auth = auth;
    }

    /** Whether the admin may view the user (answers are remembered for one request). */
    boolean canView(String userId) {
        return viewable.computeIfAbsent(userId, id -> {
            UserModel user = session.users().getUserById(realm, id);
            return user != null && auth.users().canView(user);
        });
    }

    /** @return the owner, when the admin may view it; else 403 */
    UserModel requireView(String userId) {
        UserModel owner = session.users().getUserById(realm, userId);
        if (owner == null) {
            throw new ForbiddenException();
        }
        auth.users().requireView(owner);
        return owner;
    }

    /** Manage the owner, and impersonate the owner unless it is the admin: a new secret acts as its owner. */
    void requireIssueSecret(UserModel owner) {
        auth.users().requireManage(owner);
        if (!owner.getId().equals(auth.adminAuth().getUser().getId())) {
            auth.users().requireImpersonate(owner);
        }
    }

    KeyGuard guard(UserModel owner) {
        return new KeyGuard() {
            @Override
            public void requireManage() {
                auth.users().requireManage(owner);
            }

            @Override
            public void requireIssueSecret() {
                OwnerPermissions.this.requireIssueSecret(owner);
            }
        };
    }
}
