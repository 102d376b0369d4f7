package dev.accesskeys.service;

import org.keycloak.models.ClientModel;
import org.keycloak.models.RealmModel;
import org.keycloak.models.RoleModel;

/** How a key's {@code roles} list names a role: {@code role} for a realm role, {@code clientId/role} for a client's. */
public final class RoleNames {

    private RoleNames() {
    }

    public static String of(RoleModel role) {
        if (role.isClientRole()) {
            return ((ClientModel) role.getContainer()).getClientId() + "/" + role.getName();
        }
        return role.getName();
    }

    /** @return the role a key's {@code roles} entry names, or null */
    public static RoleModel resolve(RealmModel realm, String name) {
        int slash = name.indexOf('/');
        if (slash > 0) {
            ClientModel client = realm.getClientByClientId(name.substring(0, slash));
            RoleModel role = client == null ? null : client.getRole(name.substring(slash + 1));
            if (role != null) {
                return role;
            }
        }
        return realm.getRole(name);
    }
}
