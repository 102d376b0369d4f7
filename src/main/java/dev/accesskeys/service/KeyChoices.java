package dev.accesskeys.service;

import java.io.IOException;
import java.util.Comparator;
import java.util.List;
import java.util.Properties;
import java.util.Set;

import dev.accesskeys.AccessKeys;

import org.keycloak.models.ClientModel;
import org.keycloak.models.ClientScopeModel;
import org.keycloak.models.RealmModel;
import org.keycloak.models.RoleModel;
import org.keycloak.models.UserModel;
import org.keycloak.models.utils.RoleUtils;
import org.keycloak.protocol.oidc.OIDCLoginProtocol;
import org.keycloak.theme.Theme;

/** What a user may choose for a key (scopes, clients, their own roles) and the limits that apply. */
public final class KeyChoices {

    private final ServiceContext context;

    KeyChoices(ServiceContext context) {
        this.context = context;
    }

    public KeyOptions of(UserModel user) {
        RealmModel realm = context.realm();
        InternalChoices internal = new InternalChoices(realm);
        Properties messages = accountMessages(user);
        List<KeyOptions.ScopeOption> scopes = realm.getClientScopesStream()
                .filter(s -> OIDCLoginProtocol.LOGIN_PROTOCOL.equals(s.getProtocol()))
                .sorted(Comparator.comparing(ClientScopeModel::getName))
                .map(s -> new KeyOptions.ScopeOption(s.getName(), s.getDescription(), displayName(s, messages),
                        internal.scope(s)))
                .toList();
        List<KeyOptions.ClientOption> clients = realm.getClientsStream()
                .filter(c -> Boolean.parseBoolean(c.getAttribute(AccessKeys.CLIENT_GRANT_ENABLED_ATTRIBUTE)))
                .sorted(Comparator.comparing(ClientModel::getClientId))
                .map(c -> new KeyOptions.ClientOption(c.getClientId(), c.getName(), AppPasswords.accepted(realm, c)))
                .toList();
        Set<RoleModel> userRoles = RoleUtils.expandCompositeRoles(RoleUtils.getDeepUserRoleMappings(user));
        List<KeyOptions.RoleOption> roles = userRoles.stream()
                .map(r -> new KeyOptions.RoleOption(RoleNames.of(r), r.getDescription(), internal.role(r)))
                .sorted(Comparator.comparing(KeyOptions.RoleOption::name))
                .toList();
        return new KeyOptions(scopes, clients, roles, context.policy(), context.store().countNotRevoked(realm, user.getId()));
    }

    /** The scope's consent text ({@code ${key}} resolved with the account theme's messages), else its name. */
    private static String displayName(ClientScopeModel scope, Properties messages) {
        String text = scope.getAttribute(ClientScopeModel.CONSENT_SCREEN_TEXT);
        if (text == null || text.isBlank()) {
            return scope.getName();
        }
        if (text.startsWith("${") && text.endsWith("}")) {
            return messages.getProperty(text.substring(2, text.length() - 1), scope.getName());
        }
        return text;
    }

    private Properties accountMessages(UserModel user) {
        try {
            return context.session().theme().getTheme(Theme.Type.ACCOUNT)
                    .getMessages(context.session().getContext().resolveLocale(user));
        } catch (IOException | RuntimeException e) {
            return new Properties();
        }
    }
}
