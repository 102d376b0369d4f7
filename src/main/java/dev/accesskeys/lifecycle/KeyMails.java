package dev.accesskeys.lifecycle;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import dev.accesskeys.model.AccessKey;

import org.jboss.logging.Logger;
import org.keycloak.Config;
import org.keycloak.email.EmailException;
import org.keycloak.email.EmailTemplateProvider;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;
import org.keycloak.models.UserModel;

/**
 * E-mails to key owners through Keycloak's e-mail sender and the realm's e-mail theme, whichever it is: the templates
 * {@code access-key-expiring.ftl} and {@code access-key-leaked.ftl} and their messages are the JAR's theme resources
 * ({@code theme-resources/}), which Keycloak consults after the theme's own files. They name the key and link to the
 * account console's access-keys page; never a secret.
 */
final class KeyMails {

    static final String EXPIRING_TEMPLATE = "access-key-expiring.ftl";
    static final String LEAKED_TEMPLATE = "access-key-leaked.ftl";
    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'").withZone(ZoneOffset.UTC);
    private static final Logger LOG = Logger.getLogger(KeyMails.class);

    private KeyMails() {
    }

    /** @return whether the e-mail was sent */
    static boolean expiring(KeycloakSession session, RealmModel realm, UserModel owner, AccessKey key, long now) {
        Map<String, Object> attributes = attributes(session, realm, key);
        long daysLeft = Math.max(1, (key.getExpiresAt() - now + TimeUnit.DAYS.toMillis(1) - 1) / TimeUnit.DAYS.toMillis(1));
        attributes.put("daysLeft", daysLeft);
        return send(session, realm, owner, key, "accessKeyExpiringSubject", List.of(key.getName(), daysLeft), EXPIRING_TEMPLATE, attributes);
    }

    /** @param action {@code revoke} or {@code disable}: what was done to the key */
    static boolean leaked(KeycloakSession session, RealmModel realm, UserModel owner, AccessKey key, String action) {
        Map<String, Object> attributes = attributes(session, realm, key);
        attributes.put("action", action);
        return send(session, realm, owner, key, "accessKeyLeakedSubject", List.of(key.getName()), LEAKED_TEMPLATE, attributes);
    }

    private static Map<String, Object> attributes(KeycloakSession session, RealmModel realm, AccessKey key) {
        Map<String, Object> attributes = new HashMap<>();
        attributes.put("keyName", key.getName());
        attributes.put("keyId", key.getId());
        attributes.put("expiresAt", key.getExpiresAt() == null ? "" : WHEN.format(Instant.ofEpochMilli(key.getExpiresAt())));
        String accountUrl = accountUrl(session, realm);
        if (accountUrl != null) {
            attributes.put("accountUrl", accountUrl);
        }
        return attributes;
    }

    private static boolean send(KeycloakSession session, RealmModel realm, UserModel owner, AccessKey key, String subject,
                                List<Object> subjectAttributes, String template, Map<String, Object> attributes) {
        if (owner.getEmail() == null || owner.getEmail().isBlank()) {
            return false;
        }
        try {
            session.getProvider(EmailTemplateProvider.class).setRealm(realm).setUser(owner)
                    .send(subject, subjectAttributes, template, attributes);
            return true;
        } catch (EmailException e) {
            LOG.warnf("access keys: could not e-mail the owner of key %s in realm %s (%s): %s", key.getId(), realm.getName(),
                    template, e.getMessage());
            return false;
        }
    }

    /**
     * The account console's access-keys page. Base URL: the request's (frontend) URL when there is a request, else
     * the realm's frontend URL, else the server's {@code --hostname}; null when none is known.
     */
    static String accountUrl(KeycloakSession session, RealmModel realm) {
        String base = null;
        try {
            if (session.getContext().getUri() != null) {
                base = session.getContext().getUri().getBaseUri().toString();
            }
        } catch (RuntimeException noRequest) {
            // a scheduled task has no request
        }
        if (base == null || base.isBlank()) {
            base = realm.getAttribute("frontendUrl");
        }
        if (base == null || base.isBlank()) {
            base = hostnameOption();
        }
        if (base == null || base.isBlank()) {
            return null;
        }
        String root = base.endsWith("/") ? base.substring(0, base.length() - 1) : base;
        return root + "/realms/" + URLEncoder.encode(realm.getName(), StandardCharsets.UTF_8).replace("+", "%20") + "/account/access-keys";
    }

    private static String hostnameOption() {
        try {
            String hostname = Config.scope("hostname", "v2").get("hostname");
            if (hostname == null || hostname.isBlank()) {
                return null;
            }
            return hostname.startsWith("http://") || hostname.startsWith("https://") ? hostname : "https://" + hostname;
        } catch (RuntimeException e) {
            return null;
        }
    }
}
