package dev.accesskeys.lifecycle;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;

import dev.accesskeys.lifecycle.LifecycleFixture.Key;
import dev.accesskeys.lifecycle.Mailbox.Mail;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.keycloak.admin.client.Keycloak;
import org.keycloak.testframework.annotations.InjectAdminClient;
import org.keycloak.testframework.annotations.InjectKeycloakUrls;
import org.keycloak.testframework.annotations.InjectRealm;
import org.keycloak.testframework.annotations.KeycloakIntegrationTest;
import org.keycloak.testframework.realm.ManagedRealm;
import org.keycloak.testframework.server.KeycloakUrls;

/**
 * Expiry e-mails: the scheduled task (every 2 s here) sends each owner one e-mail per key and threshold (7 and 1 days
 * by default) through Keycloak's e-mail sender to a real SMTP server, with the key's name, ID, expiry and a link, as
 * text and HTML — in a realm that keeps Keycloak's default e-mail theme (the templates are the JAR's theme resources).
 */
@KeycloakIntegrationTest(config = LifecycleServerConfig.class)
class ExpiryEmailIT {

    private static final long HOUR = 3_600_000L;
    private static final long DAY = 24 * HOUR;
    /** Several runs of the task. */
    private static final long RUNS_MILLIS = LifecycleServerConfig.TASK_INTERVAL_SECONDS * 1000L * 4;

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

    @Test
    void ownersGetOneEmailPerKeyAndThresholdWithNameIdExpiryAndLink() {
        LifecycleFixture f = new LifecycleFixture(urls.getBase(), admin, managedRealm.getName());
        Mailbox.configure(f.realm, urls.getBase());
        String emailTheme = f.realm.toRepresentation().getEmailTheme();
        assertTrue(emailTheme == null || emailTheme.equals("keycloak"), "the realm keeps the default e-mail theme: " + emailTheme);
        String ownerId = f.user("expiring");
        String email = f.realm.users().get(ownerId).toRepresentation().getEmail();
        long now = System.currentTimeMillis();
        Key inFiveDays = f.createKey(ownerId, "deploy bot", Map.of("expiresAt", now + 5 * DAY));
        Key inTwelveHours = f.createKey(ownerId, "nightly", Map.of("expiresAt", now + 12 * HOUR));
        f.createKey(ownerId, "far away", Map.of("expiresAt", now + 30 * DAY));
        f.createKey(ownerId, "forever", Map.of());

        List<Mail> mails = waitForMails(email, 2);
        LifecycleFixture.sleepMillis(RUNS_MILLIS);
        mails = mailbox.mailsTo(email);
        assertEquals(2, mails.size(), "one e-mail for the 7-day key, one (1-day threshold only) for the 12-hour key: " + mails);

        Mail week = mailAbout(mails, inFiveDays.id());
        assertTrue(week.subject().contains("deploy bot") && week.subject().contains("5 days"), week.subject());
        assertTrue(week.body().contains("deploy bot"), week.body());
        assertTrue(week.body().contains(inFiveDays.id()), week.body());
        assertTrue(week.body().contains("Expires: 20"), week.body());
        assertTrue(week.body().contains(urls.getBase().replaceAll("/$", "") + "/realms/" + f.realmName + "/account/access-keys"), week.body());
        assertTrue(week.body().indexOf("aks_") < 0, "never a secret");
        String accountLink = urls.getBase().replaceAll("/$", "") + "/realms/" + f.realmName + "/account/access-keys";
        assertTrue(week.html().contains("<strong>deploy bot</strong>"), week.html());
        assertTrue(week.html().contains("<code>" + inFiveDays.id() + "</code>"), week.html());
        assertTrue(week.html().contains("Expires: 20"), week.html());
        assertTrue(week.html().contains("href=\"" + accountLink + "\""), week.html());
        assertTrue(week.html().contains("Manage your access keys"), "the message text, not its key: " + week.html());
        assertTrue(!week.body().contains("accessKey") && !week.html().contains("accessKey"), "no unresolved message key");
        Mail day = mailAbout(mails, inTwelveHours.id());
        assertTrue(day.subject().contains("nightly") && day.subject().contains("1 day"), day.subject());

        // the 5-day key enters the 1-day threshold: exactly one more e-mail, however many runs follow
        assertEquals(200, f.patch(inFiveDays.id(), Map.of("expiresAt", System.currentTimeMillis() + 20 * HOUR)).status());
        waitForMails(email, 3);
        LifecycleFixture.sleepMillis(RUNS_MILLIS);
        mails = mailbox.mailsTo(email);
        assertEquals(3, mails.size(), mails.toString());
        assertEquals(2, mails.stream().filter(m -> m.body().contains(inFiveDays.id())).count());
    }

    @Test
    void noEmailsWhenThePolicyHasNoThresholds() {
        LifecycleFixture f = new LifecycleFixture(urls.getBase(), admin, managedRealm.getName());
        Mailbox.configure(f.realm, urls.getBase());
        assertEquals(200, f.policy(Map.of("maxKeysPerUser", 50, "expiryNotificationDays", List.of())).status());
        try {
            String ownerId = f.user("quiet");
            String email = f.realm.users().get(ownerId).toRepresentation().getEmail();
            f.createKey(ownerId, "quiet", Map.of("expiresAt", System.currentTimeMillis() + 2 * DAY));
            LifecycleFixture.sleepMillis(RUNS_MILLIS);
            assertEquals(0, mailbox.mailsTo(email).size());
        } finally {
            assertEquals(200, f.policy(Map.of("maxKeysPerUser", 50)).status());
        }
    }

    private static Mail mailAbout(List<Mail> mails, String keyId) {
        return mails.stream().filter(m -> m.body().contains(keyId)).findFirst()
                .orElseThrow(() -> new AssertionError("no e-mail about " + keyId + ": " + mails));
    }

    private static List<Mail> waitForMails(String email, int count) {
        long deadline = System.currentTimeMillis() + 30_000;
        while (System.currentTimeMillis() < deadline) {
            List<Mail> mails = mailbox.mailsTo(email);
            if (mails.size() >= count) {
                return mails;
            }
            LifecycleFixture.sleepMillis(250);
        }
        throw new AssertionError("expected " + count + " e-mails to " + email + ", got " + mailbox.mailsTo(email));
    }
}
