package dev.accesskeys.ui;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.List;
import java.util.Map;

import dev.accesskeys.support.AccessKeysServerConfig;
import dev.accesskeys.support.Http;
import dev.accesskeys.support.Http.Reply;
import dev.accesskeys.support.TestUsers;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInfo;
import org.junit.jupiter.api.TestMethodOrder;
import org.keycloak.admin.client.Keycloak;
import org.keycloak.representations.idm.ClientRepresentation;
import org.keycloak.testframework.annotations.InjectAdminClient;
import org.keycloak.testframework.annotations.InjectKeycloakUrls;
import org.keycloak.testframework.annotations.InjectRealm;
import org.keycloak.testframework.annotations.KeycloakIntegrationTest;
import org.keycloak.testframework.realm.ManagedRealm;
import org.keycloak.testframework.server.KeycloakUrls;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.BrowserType;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Playwright;
import com.microsoft.playwright.assertions.PlaywrightAssertions;
import com.microsoft.playwright.options.AriaRole;

/**
 * The admin console with the access-keys theme as a realm admin uses it: headless Debian Chromium (Playwright for
 * Java, never a downloaded browser) against the real server with this project's JAR. The realm admins log into
 * their realm's own console, which uses the realm's admin theme. Screenshots go to target/screenshots (admin-*.png).
 */
@KeycloakIntegrationTest(config = AccessKeysServerConfig.class)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
public class AdminConsoleIT {

    private static final Path SCREENSHOTS = Paths.get("target", "screenshots");
    private static final String CHROMIUM = System.getProperty("chromium.path", "/usr/bin/chromium");
    private static final String GRANT_TYPE = "urn:access-keys:grant-type:access-key";
    private static final String REALM = AdminConsoleRealmConfig.REALM;
    private static final String KEYS = "/admin/realms/" + REALM + "/access-keys";
    private static final String PASSWORD = "Admin-ui-pass-1";

    @InjectRealm(config = AdminConsoleRealmConfig.class)
    ManagedRealm realm;

    @InjectAdminClient
    Keycloak admin;

    @InjectKeycloakUrls
    KeycloakUrls urls;

    private static Playwright playwright;
    private static Browser browser;
    private static final Map<String, String> USERS = new java.util.concurrent.ConcurrentHashMap<>();
    private BrowserContext context;
    private Page page;

    @BeforeAll
    static void launchBrowser() throws IOException {
        // a cold server on a busy machine answers the console's first requests slowly (the assertions' default is 5 s)
        PlaywrightAssertions.setDefaultAssertionTimeout(60_000);
        Files.createDirectories(SCREENSHOTS);
        if (!Files.isExecutable(Paths.get(CHROMIUM))) {
            throw new IllegalStateException("No Chromium at " + CHROMIUM
                    + ": install Debian's (apt-get install -y chromium) or pass -Dchromium.path=...");
        }
        playwright = Playwright.create(new Playwright.CreateOptions().setEnv(Map.of("PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD", "1")));
        browser = playwright.chromium().launch(new BrowserType.LaunchOptions()
                .setExecutablePath(Paths.get(CHROMIUM))
                .setHeadless(true)
                .setArgs(List.of("--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-dev-shm-usage")));
    }

    @AfterAll
    static void closeBrowser() {
        if (browser != null) browser.close();
        if (playwright != null) playwright.close();
    }

    @BeforeEach
    void openPage() {
        users();
        context = browser.newContext(new Browser.NewContextOptions().setViewportSize(1440, 900).setLocale("en-US"));
        context.setDefaultTimeout(60_000);
        page = context.newPage();
    }

    @AfterEach
    void closePage(TestInfo test) {
        page.screenshot(new Page.ScreenshotOptions()
                .setPath(SCREENSHOTS.resolve("last-admin-" + test.getTestMethod().orElseThrow().getName() + ".png")));
        context.close();
    }

    /** The realm's people, once: a realm admin, an auditor with view-users only, and key owners. */
    private synchronized void users() {
        if (!USERS.isEmpty()) return;
        Reply policy = http().json("PUT", KEYS + "/policy", adminToken(), Map.of("maxKeysPerUser", 50));
        assertEquals(200, policy.status(), policy.toString());
        for (String name : List.of("realmadmin", "auditor", "alice", "bob", "carol")) {
            USERS.put(name, TestUsers.create(realm.admin(), name, PASSWORD));
        }
        TestUsers.grantRealmManagementRoles(realm.admin(), USERS.get("realmadmin"), "realm-admin");
        TestUsers.grantRealmManagementRoles(realm.admin(), USERS.get("auditor"), "view-users");
        createKey("bob", "bob-backup");
        createKey("carol", "carol-reports");
        createKey("carol", "carol-ci");
    }

    private Http http() {
        return new Http(urls.getBase());
    }

    private String adminToken() {
        return admin.tokenManager().getAccessTokenString();
    }

    /** A key through the admin REST API; returns {id, secret}. */
    private String[] createKey(String owner, String name) {
        Reply created = http().json("POST", KEYS, adminToken(), Map.of("userId", USERS.get(owner), "name", name));
        assertEquals(201, created.status(), created.toString());
        return new String[] {created.text("id"), created.text("secret")};
    }

    private Reply exchange(String clientId, String keyId, String secret) {
        return http().form("/realms/" + REALM + "/protocol/openid-connect/token",
                Map.of("grant_type", GRANT_TYPE, "client_id", clientId, "key_id", keyId, "key_secret", secret));
    }

    /** Logs into the realm's own admin console and opens a page of it (the part after #/realm). */
    private void login(String user, String path) {
        page.navigate(urls.getBase() + "/admin/" + REALM + "/console/#/" + REALM + path);
        page.locator("#username").fill(user);
        page.locator("#password").fill(PASSWORD);
        page.locator("#kc-login").click();
        assertThat(page.getByTestId("currentRealm")).isVisible();
    }

    private Locator button(String name) {
        return page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName(name).setExact(true));
    }

    private Locator row(String text) {
        return page.getByRole(AriaRole.ROW).filter(new Locator.FilterOptions().setHasText(text));
    }

    private void search(String text) {
        Locator input = page.getByLabel("Search access keys");
        input.fill(text);
        input.press("Enter");
    }

    /** Turns a PatternFly switch on with the keyboard (its toggle covers the checkbox for the mouse). */
    private void toggle(Locator switchInput) {
        switchInput.focus();
        page.keyboard().press("Space");
        assertThat(switchInput).isChecked();
    }

    /** Opens a key's row menu and picks an action (edit, toggle, rotate, revoke, delete). */
    private void rowAction(String keyName, String action) {
        row(keyName).getByTestId("key-actions").click();
        page.getByTestId("action-" + action).click();
    }

    private com.fasterxml.jackson.databind.JsonNode key(String id) {
        Reply reply = http().get(KEYS + "/" + id, adminToken());
        assertEquals(200, reply.status(), reply.toString());
        return reply.json();
    }

    private void assertRefused(String keyId, String secret, String why) {
        Reply refused = exchange(AdminConsoleRealmConfig.CLIENT, keyId, secret);
        assertEquals(400, refused.status(), why + ": " + refused);
        assertEquals("invalid_grant", refused.text("error"), why);
    }

    private void assertExchanges(String keyId, String secret, String why) {
        Reply token = exchange(AdminConsoleRealmConfig.CLIENT, keyId, secret);
        assertEquals(200, token.status(), why + ": " + token);
    }

    private void screenshot(String name) {
        Locator close = page.locator(".pf-v5-c-alert-group button[aria-label^='Close']");
        while (close.count() > 0) {
            close.first().click();
        }
        page.screenshot(new Page.ScreenshotOptions().setPath(SCREENSHOTS.resolve(name)));
    }

    @Test
    @Order(1)
    void adminFindsAlicesKeyBySearchAndRevokesIt() {
        String[] alice = createKey("alice", "alice-laptop");
        assertEquals(200, exchange(AdminConsoleRealmConfig.CLIENT, alice[0], alice[1]).status(), "the key works before");

        login("realmadmin", "/users");
        page.getByTestId("nav-item-access-keys").click();
        assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setName("Access keys").setExact(true))).isVisible();
        assertThat(row("carol-reports")).isVisible();
        screenshot("admin-access-keys.png");

        search("alice");
        assertThat(row("alice-laptop")).isVisible();
        assertThat(row("carol-reports")).hasCount(0);
        assertThat(row("bob-backup")).hasCount(0);
        assertThat(row("alice-laptop").getByRole(AriaRole.LINK, new Locator.GetByRoleOptions().setName("alice"))).isVisible();

        row("alice-laptop").getByRole(AriaRole.CHECKBOX).check();
        button("Revoke 1 selected key").click();
        Locator dialog = page.getByRole(AriaRole.DIALOG);
        assertThat(dialog).containsText("Revoke 1 key?");
        screenshot("admin-bulk-revoke.png");
        dialog.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Revoke").setExact(true)).click();
        assertThat(row("alice-laptop").getByText("Revoked", new Locator.GetByTextOptions().setExact(true))).isVisible();

        Reply refused = exchange(AdminConsoleRealmConfig.CLIENT, alice[0], alice[1]);
        assertEquals(400, refused.status(), refused.toString());
        assertEquals("invalid_grant", refused.text("error"));
    }

    @Test
    @Order(2)
    void adminCreatesAKeyForBobFromBobsPage() {
        login("realmadmin", "/users");
        page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("bob").setExact(true)).click();
        assertThat(page.getByTestId("user-access-keys-link")).isVisible();
        assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setName("bob").setExact(true))).isVisible();
        screenshot("admin-user-page.png");
        page.getByTestId("user-access-keys-link").click();
        assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setName("Access keys of bob"))).isVisible();
        assertThat(row("bob-backup")).isVisible();

        button("Create key").click();
        Locator form = page.getByRole(AriaRole.DIALOG);
        form.getByLabel("Name").fill("bob-deploy");
        form.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Create").setExact(true)).click();

        Locator secretDialog = page.getByRole(AriaRole.DIALOG);
        assertThat(secretDialog.getByText("it will not be shown again")).isVisible();
        String keyId = secretDialog.getByLabel("Key ID", new Locator.GetByLabelOptions().setExact(true)).inputValue();
        String secret = secretDialog.getByLabel("Secret", new Locator.GetByLabelOptions().setExact(true)).inputValue();
        assertTrue(keyId.startsWith("ak_"), keyId);
        assertTrue(secret.startsWith("aks_"), "the dialog shows the secret");
        Locator close = secretDialog.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Close").setExact(true));
        assertThat(close).isDisabled();
        screenshot("admin-secret-dialog.png");

        Reply token = exchange(AdminConsoleRealmConfig.CLIENT, keyId, secret);
        assertEquals(200, token.status(), token.toString());

        secretDialog.getByLabel("I have copied the secret").check();
        close.click();
        assertThat(page.getByRole(AriaRole.DIALOG)).hasCount(0);
        assertThat(row("bob-deploy")).isVisible();
        screenshot("admin-user-keys.png");
    }

    @Test
    @Order(3)
    void adminChangesThePolicyInTheForm() {
        login("realmadmin", "/access-keys/policy");
        Locator form = page.getByTestId("policy-form");
        form.getByLabel("Keys per user").fill("25");
        form.getByLabel("Maximum lifetime (days)").fill("365");
        toggle(form.getByLabel("Delete only inactive keys"));
        button("Save").click();
        assertThat(page.getByText("Access-key policy saved")).isVisible();
        screenshot("admin-policy.png");

        Reply policy = http().get(KEYS + "/policy", adminToken());
        assertEquals(200, policy.status(), policy.toString());
        assertEquals(25, policy.json().get("maxKeysPerUser").asInt());
        assertEquals(365, policy.json().get("maxLifetimeDays").asInt());
        assertTrue(policy.json().get("deleteRequiresInactive").asBoolean());
        assertEquals(200, http().json("PUT", KEYS + "/policy", adminToken(), Map.of("maxKeysPerUser", 50)).status());
    }

    @Test
    @Order(4)
    void clientSwitchAllowsTheGrantAndAppPasswordsAreOneClick() {
        String[] carol = createKey("carol", "carol-late");
        Reply before = exchange(AdminConsoleRealmConfig.LATE_CLIENT, carol[0], carol[1]);
        assertEquals("unauthorized_client", before.text("error"), before.toString());

        login("realmadmin", "/clients");
        page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName(AdminConsoleRealmConfig.LATE_CLIENT).setExact(true)).click();
        assertThat(page.getByTestId("client-access-keys")).isVisible();
        Locator grantSwitch = page.getByLabel("Allow access keys");
        assertThat(grantSwitch).not().isChecked();
        toggle(grantSwitch);
        assertThat(page.getByText("Access keys allowed at this client")).isVisible();
        assertThat(page.getByLabel("Allow access keys")).isChecked();

        ClientRepresentation client = realm.admin().clients().findByClientId(AdminConsoleRealmConfig.LATE_CLIENT).get(0);
        assertEquals("true", client.getAttributes().get("access.key.grant.enabled"));
        Reply after = exchange(AdminConsoleRealmConfig.LATE_CLIENT, carol[0], carol[1]);
        assertEquals(200, after.status(), after.toString());

        button("Set up app passwords").click();
        assertThat(page.getByText("App passwords set up", new Page.GetByTextOptions().setExact(true))).isVisible();
        screenshot("admin-client.png");
        Reply appPassword = http().form("/realms/" + REALM + "/protocol/openid-connect/token",
                Map.of("grant_type", "password", "client_id", AdminConsoleRealmConfig.LATE_CLIENT,
                        "username", carol[0], "password", carol[1]));
        assertEquals(200, appPassword.status(), "key ID and secret as username and password: " + appPassword);
        Reply realPassword = http().form("/realms/" + REALM + "/protocol/openid-connect/token",
                Map.of("grant_type", "password", "client_id", AdminConsoleRealmConfig.LATE_CLIENT,
                        "username", "carol", "password", PASSWORD));
        assertEquals(400, realPassword.status(), "the account password no longer works at that client: " + realPassword);
        assertEquals("invalid_grant", realPassword.text("error"));
    }

    @Test
    @Order(5)
    void viewUsersAdminSeesTheListButNoControls() {
        login("auditor", "/access-keys");
        assertThat(row("carol-reports")).isVisible();
        assertThat(page.getByTestId("revoke-selected")).hasCount(0);
        assertThat(page.getByTestId("key-actions")).hasCount(0);
        assertThat(page.getByRole(AriaRole.CHECKBOX)).hasCount(0);
        screenshot("admin-view-only.png");

        page.navigate(urls.getBase() + "/admin/" + REALM + "/console/#/" + REALM + "/access-keys/users/" + USERS.get("bob"));
        assertThat(row("bob-backup")).isVisible();
        assertThat(page.getByTestId("create-key")).hasCount(0);
        assertThat(page.getByTestId("revoke-all-of-user")).hasCount(0);
    }

    @Test
    @Order(6)
    void stockPagesStillOpenWithTheTheme() {
        login("realmadmin", "/");
        page.getByTestId("nav-item-users").click();
        assertThat(page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("carol").setExact(true))).isVisible();
        screenshot("admin-stock-users.png");
        page.getByTestId("nav-item-realm-settings").click();
        assertThat(page.getByRole(AriaRole.TAB, new Page.GetByRoleOptions().setName("General"))).isVisible();
        assertThat(page.getByTestId("realmName").locator("input")).hasValue(REALM);
        screenshot("admin-stock-realm-settings.png");
    }

    @Test
    @Order(7)
    void adminEditsDisablesRotatesRevokesAndDeletesBobsKeyFromBobsPage() {
        String[] key = createKey("bob", "bob-ci");
        String id = key[0];
        login("realmadmin", "/users");
        page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("bob").setExact(true)).click();
        page.getByTestId("user-access-keys-link").click();
        assertThat(row("bob-ci")).isVisible();

        // edit: a bad CIDR block is answered under its field and nothing is saved
        rowAction("bob-ci", "edit");
        Locator form = page.getByRole(AriaRole.DIALOG);
        form.locator("#access-key-name").fill("bob-ci-runner");
        form.locator("#access-key-description").fill("GitLab runner");
        form.getByLabel("Allowed addresses").fill("10.0.0.0/8, not-an-address");
        Locator save = form.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Save").setExact(true));
        save.click();
        assertThat(form.locator("#access-key-cidrs-help")).containsText("'not-an-address' is not an IPv4 or IPv6 address");
        assertThat(form.getByLabel("Allowed addresses")).isFocused();
        screenshot("admin-key-form.png");
        assertEquals("bob-ci", key(id).get("name").asText(), "a refused edit saves nothing");

        // edit: name, description and a CIDR allow-list that leaves out the test's own address
        form.getByLabel("Allowed addresses").fill("10.0.0.0/8");
        save.click();
        assertThat(page.getByRole(AriaRole.DIALOG)).hasCount(0);
        assertThat(row("bob-ci-runner")).containsText("From: 10.0.0.0/8");
        com.fasterxml.jackson.databind.JsonNode edited = key(id);
        assertEquals("bob-ci-runner", edited.get("name").asText());
        assertEquals("GitLab runner", edited.get("description").asText());
        assertEquals("[\"10.0.0.0/8\"]", edited.get("allowedCidrs").toString());
        assertRefused(id, key[1], "from 127.0.0.1, outside 10.0.0.0/8");

        rowAction("bob-ci-runner", "edit");
        page.getByRole(AriaRole.DIALOG).getByLabel("Allowed addresses").fill("127.0.0.0/8");
        page.getByRole(AriaRole.DIALOG).getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Save").setExact(true)).click();
        assertThat(row("bob-ci-runner")).containsText("From: 127.0.0.0/8");
        assertEquals("[\"127.0.0.0/8\"]", key(id).get("allowedCidrs").toString());
        assertExchanges(id, key[1], "from 127.0.0.1, inside 127.0.0.0/8");

        // disable, then enable
        rowAction("bob-ci-runner", "toggle");
        assertThat(row("bob-ci-runner").getByTestId("key-status")).hasText("Disabled");
        assertEquals("disabled", key(id).get("status").asText());
        assertRefused(id, key[1], "a disabled key");
        rowAction("bob-ci-runner", "toggle");
        assertThat(row("bob-ci-runner").getByTestId("key-status")).hasText("Active");
        assertEquals("active", key(id).get("status").asText());
        assertExchanges(id, key[1], "enabled again");

        // rotate with an hour's overlap: the old and the new secret both exchange
        rowAction("bob-ci-runner", "rotate");
        Locator rotate = page.getByTestId("rotate-dialog");
        rotate.getByLabel("Keep the current secret working").selectOption("3600");
        screenshot("admin-rotate-dialog.png");
        long before = System.currentTimeMillis();
        page.getByTestId("rotate-confirm").click();
        Locator secretDialog = page.getByRole(AriaRole.DIALOG);
        assertThat(secretDialog).containsText("New secret");
        assertThat(secretDialog).containsText(urls.getBase() + "/realms/" + REALM + "/protocol/openid-connect/token");
        String secret = secretDialog.getByLabel("Secret", new Locator.GetByLabelOptions().setExact(true)).inputValue();
        assertTrue(secret.startsWith("aks_") && !secret.equals(key[1]), "a new secret");
        assertExchanges(id, secret, "the new secret");
        assertExchanges(id, key[1], "the old secret during the overlap");
        long previousUntil = key(id).get("previousSecretExpiresAt").asLong();
        assertTrue(previousUntil >= before + 3_590_000 && previousUntil <= System.currentTimeMillis() + 3_610_000,
                "the old secret works for an hour: " + previousUntil);
        secretDialog.getByLabel("I have copied the secret").check();
        secretDialog.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Close").setExact(true)).click();
        assertThat(row("bob-ci-runner").getByTestId("previous-secret-until")).containsText("Old secret works until");

        // revoke: neither secret works any more
        rowAction("bob-ci-runner", "revoke");
        page.getByTestId("confirm-dialog-confirm").click();
        assertThat(row("bob-ci-runner").getByTestId("key-status")).hasText("Revoked");
        assertEquals("revoked", key(id).get("status").asText());
        assertRefused(id, secret, "the new secret of a revoked key");
        assertRefused(id, key[1], "the old secret of a revoked key");

        // delete
        rowAction("bob-ci-runner", "delete");
        page.getByTestId("confirm-dialog-confirm").click();
        // (while a dialog is open the page behind it is hidden from role queries: wait for it to close)
        assertThat(page.getByRole(AriaRole.DIALOG)).hasCount(0);
        assertThat(page.getByText("Key bob-ci-runner deleted")).isVisible();
        assertThat(row("bob-ci-runner")).hasCount(0);
        assertEquals(404, http().get(KEYS + "/" + id, adminToken()).status());
    }
}
