package dev.accesskeys.lifecycle;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;

import dev.accesskeys.lifecycle.LifecycleFixture.Key;
import dev.accesskeys.lifecycle.Mailbox.Mail;
import dev.accesskeys.support.Http.Reply;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.keycloak.admin.client.Keycloak;
import org.keycloak.representations.idm.EventRepresentation;
import org.keycloak.testframework.annotations.InjectAdminClient;
import org.keycloak.testframework.annotations.InjectKeycloakUrls;
import org.keycloak.testframework.annotations.InjectRealm;
import org.keycloak.testframework.annotations.KeycloakIntegrationTest;
import org.keycloak.testframework.realm.ManagedRealm;
import org.keycloak.testframework.server.KeycloakUrls;

/**
 * POST /realms/{realm}/access-keys/leaked: no authentication, always 202 {"received": n}, a matching key revoked (or
 * disabled) with a user event and an e-mail, malformed and unknown secrets answered alike, a flood throttled. The
 * flood runs last: it uses up the address's reports for a minute.
 */
@KeycloakIntegrationTest(config = LifecycleServerConfig.class)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class LeakedSecretsIT {

    private static Mailbox mailbox;

    @InjectRealm(config = LifecycleRealmConfig.class)
    ManagedRealm managedRealm;

    @InjectAdminClient
    Keycloak admin;

    @InjectKeycloakUrls
    KeycloakUrls urls;

    @BeforeAll
    static void startMailServer() {
        mailbox = new Mailbox();
    }

    @AfterAll
    static void stopMailServer() {
        mailbox.close();
    }

    private LifecycleFixture fixture() {
        LifecycleFixture f = new LifecycleFixture(urls.getBase(), admin, managedRealm.getName());
        Mailbox.configure(f.realm, urls.getBase());
        return f;
    }

    private Reply report(LifecycleFixture f, List<String> secrets) {
        return f.http.json("POST", "/realms/" + f.realmName + "/access-keys/leaked", null, Map.of("secrets", secrets));
    }

    @Test
    @Order(1)
    void aReportedSecretRevokesItsKeyWithAnEventAndAnEmail() {
        LifecycleFixture f = fixture();
        String ownerId = f.user("leaky");
        String email = f.realm.users().get(ownerId).toRepresentation().getEmail();
        Key leaked = f.createKey(ownerId, "pushed to github", Map.of());
        Key other = f.createKey(ownerId, "kept", Map.of());
        assertEquals(200, f.exchange(leaked.id(), leaked.secret()).status());

        String malformed = leaked.secret().substring(0, leaked.secret().length() - 1) + "x";
        Reply reply = report(f, List.of("not a secret", leaked.secret(), malformed));
        assertEquals(202, reply.status(), reply.toString());
        assertEquals("{\"received\":3}", reply.body());

        assertEquals("revoked", f.key(leaked.id()).text("status"));
        assertEquals(400, f.exchange(leaked.id(), leaked.secret()).status(), "a revoked key no longer exchanges");
        assertEquals("active", f.key(other.id()).text("status"));
        assertEquals(200, f.exchange(other.id(), other.secret()).status());

        List<EventRepresentation> events = f.realm.getEvents(List.of("UPDATE_CREDENTIAL"), null, ownerId, null, null, null, 0, 20);
        assertTrue(events.stream().anyMatch(e -> "leaked".equals(e.getDetails().get("access_key_action"))
                && leaked.id().equals(e.getDetails().get("access_key_id"))), events.toString());
        assertTrue(events.stream().noneMatch(e -> e.getDetails().toString().contains(leaked.secret())), "never the secret in an event");

        List<Mail> mails = waitForMails(email, 1);
        assertEquals(1, mails.size(), mails.toString());
        assertTrue(mails.get(0).subject().contains("pushed to github"), mails.get(0).subject());
        assertTrue(mails.get(0).body().contains(leaked.id()) && mails.get(0).body().contains("revoked"), mails.get(0).body());
        assertFalse(mails.get(0).body().contains(leaked.secret()));

        Reply again = report(f, List.of(leaked.secret()));
        assertEquals(202, again.status(), "a revoked key's secret is answered alike");
        LifecycleFixture.sleepMillis(500);
        assertEquals(1, mailbox.mailsTo(email).size(), "no second e-mail for a key already revoked");
    }

    @Test
    @Order(2)
    void unknownAndMalformedSecretsGetTheSameAnswer() {
        LifecycleFixture f = fixture();
        Key key = f.createKey(f.user("unknown"), "unknown", Map.of());
        // well-formed (right checksum) but of no key: a fresh secret of a key that is then rotated away
        Reply rotated = f.rotate(key.id(), null);
        Reply unknown = report(f, List.of(key.secret()));
        Reply malformed = report(f, List.of("aks_" + "A".repeat(49)));
        Reply empty = report(f, List.of());
        assertEquals(202, unknown.status());
        assertEquals(202, malformed.status());
        assertEquals(202, empty.status());
        assertEquals("{\"received\":1}", unknown.body());
        assertEquals("{\"received\":1}", malformed.body());
        assertEquals("{\"received\":0}", empty.body());
        assertEquals("active", f.key(key.id()).text("status"), "the old secret stopped at the rotate: reporting it stops nothing");
        assertEquals(200, f.exchange(key.id(), rotated.text("secret")).status());

        List<String> tooMany = new ArrayList<>(Collections.nCopies(101, "aks_x"));
        Reply over = report(f, tooMany);
        assertEquals(400, over.status());
        assertTrue(over.text("error_description").startsWith("secrets:"), over.toString());
        Reply notJson = f.http.call("POST", "/realms/" + f.realmName + "/access-keys/leaked", null, "application/json", "[");
        assertEquals(400, notJson.status());
        assertEquals("invalid_request", notJson.text("error"));
    }

    @Test
    @Order(3)
    void policyCanDisableInsteadOfRevoke() {
        LifecycleFixture f = fixture();
        assertEquals(200, f.policy(Map.of("maxKeysPerUser", 50, "leakedKeyAction", "disable")).status());
        try {
            Key key = f.createKey(f.user("disable"), "disable", Map.of());
            assertEquals(202, report(f, List.of(key.secret())).status());
            Reply after = f.key(key.id());
            assertEquals("disabled", after.text("status"), after.toString());
            assertEquals(400, f.exchange(key.id(), key.secret()).status());
        } finally {
            assertEquals(200, f.policy(Map.of("maxKeysPerUser", 50)).status());
        }
    }

    @Test
    @Order(4)
    void theLeakedPreviousSecretOfARotateEndsTheOverlap() {
        LifecycleFixture f = fixture();
        Key key = f.createKey(f.user("overlap"), "overlap", Map.of());
        Reply rotated = f.rotate(key.id(), Map.of("overlapSeconds", 600));
        assertEquals(200, f.exchange(key.id(), key.secret()).status());
        assertEquals(202, report(f, List.of(key.secret())).status());
        Reply after = f.key(key.id());
        assertEquals("revoked", after.text("status"), "a leaked secret that still works stops the key");
        assertEquals(400, f.exchange(key.id(), key.secret()).status());
        assertEquals(400, f.exchange(key.id(), rotated.text("secret")).status());
    }

    @Test
    @Order(5)
    void theEmailAlsoGoesOutWithTheAccessKeysEmailThemeKeptForRealmsThatChoseIt() {
        LifecycleFixture f = fixture();
        org.keycloak.representations.idm.RealmRepresentation rep = f.realm.toRepresentation();
        rep.setEmailTheme("access-keys");
        f.realm.update(rep);
        try {
            String ownerId = f.user("themed");
            String email = f.realm.users().get(ownerId).toRepresentation().getEmail();
            Key key = f.createKey(ownerId, "themed leak", Map.of());
            assertEquals(202, report(f, List.of(key.secret())).status());
            Mail mail = waitForMails(email, 1).get(0);
            assertTrue(mail.subject().contains("themed leak"), mail.subject());
            assertTrue(mail.body().contains(key.id()) && mail.html().contains("<code>" + key.id() + "</code>"), mail.toString());
        } finally {
            rep.setEmailTheme("keycloak"); // null would leave the theme as it is
            f.realm.update(rep);
        }
    }

    @Test
    @Order(10)
    void aFloodIsThrottledPerAddress() {
        LifecycleFixture f = fixture();
        Key key = f.createKey(f.user("flood"), "flood", Map.of());
        int accepted = 0;
        Reply throttled = null;
        for (int i = 0; i < LifecycleServerConfig.LEAKED_PER_MINUTE + 5 && throttled == null; i++) {
            Reply reply = report(f, List.of("aks_flood" + i));
            if (reply.status() == 202) {
                accepted++;
            } else {
                throttled = reply;
            }
        }
        assertTrue(throttled != null, "no 429 after " + accepted + " reports");
        assertEquals(429, throttled.status(), throttled.toString());
        assertEquals("too_many_requests", throttled.text("error"));
        assertTrue(accepted <= LifecycleServerConfig.LEAKED_PER_MINUTE, "accepted " + accepted);
        // a throttled report does nothing
        Reply ignored = report(f, List.of(key.secret()));
        assertEquals(429, ignored.status());
        assertEquals("active", f.key(key.id()).text("status"));
    }

    private static List<Mail> waitForMails(String email, int count) {
        long deadline = System.currentTimeMillis() + 20_000;
        while (System.currentTimeMillis() < deadline) {
            List<Mail> mails = mailbox.mailsTo(email);
            if (mails.size() >= count) {
                return mails;
            }
            LifecycleFixture.sleepMillis(200);
        }
        throw new AssertionError("expected " + count + " e-mails to " + email + ", got " + mailbox.mailsTo(email));
    }
}
