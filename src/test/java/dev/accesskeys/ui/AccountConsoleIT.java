package dev.accesskeys.ui;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;

import dev.accesskeys.support.AccessKeysServerConfig;
import dev.accesskeys.support.Http;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInfo;
import org.keycloak.admin.client.Keycloak;
import org.keycloak.testframework.annotations.InjectAdminClient;
import org.keycloak.testframework.annotations.InjectKeycloakUrls;
import org.keycloak.testframework.annotations.InjectRealm;
import org.keycloak.testframework.annotations.InjectUser;
import org.keycloak.testframework.annotations.KeycloakIntegrationTest;
import org.keycloak.testframework.realm.ManagedRealm;
import org.keycloak.testframework.realm.ManagedUser;
import org.keycloak.testframework.server.KeycloakUrls;

import com.fasterxml.jackson.databind.JsonNode;
import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.BrowserType;
import com.microsoft.playwright.Download;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Playwright;
import com.microsoft.playwright.options.AriaRole;

/**
 * The account page as people use it, story by story: headless Debian Chromium (Playwright for Java, never a
 * downloaded browser) against the real server with this project's JAR; axe-core checks every screen at desktop and
 * phone size. Screenshots go to target/screenshots.
 */
@KeycloakIntegrationTest(config = AccessKeysServerConfig.class)
public class AccountConsoleIT {

    static final Path SCREENSHOTS = Paths.get("target", "screenshots");
    private static final String CHROMIUM = System.getProperty("chromium.path", "/usr/bin/chromium");
    private static final long DAY = TimeUnit.DAYS.toMillis(1);

    @InjectRealm(config = AccountConsoleRealmConfig.class)
    ManagedRealm realm;

    @InjectUser(config = AccountConsoleUserConfig.class)
    ManagedUser user;

    @InjectAdminClient
    Keycloak admin;

    @InjectKeycloakUrls
    KeycloakUrls urls;

    private static Playwright playwright;
    private static Browser browser;
    private BrowserContext context;
    private Page page;
    private ConsoleFixture fixture;

    @BeforeAll
    static void launchBrowser() throws IOException {
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
        fixture = new ConsoleFixture(new Http(urls.getBase()), admin, realm.admin());
        fixture.reset();
        open(1400, 900);
    }

    private void open(int width, int height) {
        if (context != null) context.close();
        context = browser.newContext(new Browser.NewContextOptions().setViewportSize(width, height).setLocale("en-US")
                .setAcceptDownloads(true));
        context.setDefaultTimeout(30_000);
        page = context.newPage();
    }

    @AfterEach
    void closePage(TestInfo test) {
        page.screenshot(new Page.ScreenshotOptions()
                .setPath(SCREENSHOTS.resolve("last-" + test.getTestMethod().orElseThrow().getName() + ".png")));
        context.close();
        context = null;
    }

    // ---- stories --------------------------------------------------------------------------------------------------

    @Test
    void aNewKeyStartsWithLeastPrivilegeAndItsSnippetsRunAsShown() {
        login();
        assertThat(page.getByText("No access keys yet")).isVisible();
        Axe.check(page, "empty list");
        button("Create key").first().click();
        Locator form = dialog();

        // Only what I choose: openid + profile, the one client, no roles; Keycloak's own scopes and roles hidden.
        assertThat(form.getByRole(AriaRole.RADIO, new Locator.GetByRoleOptions().setName("Only the scopes I choose"))).isChecked();
        assertThat(form.getByLabel("User profile", new Locator.GetByLabelOptions().setExact(true))).isChecked();
        assertThat(form.getByLabel("Email address", new Locator.GetByLabelOptions().setExact(true))).not().isChecked();
        assertThat(form.getByLabel("acr", new Locator.GetByLabelOptions().setExact(true))).hasCount(0);
        assertThat(form.getByLabel("cli", new Locator.GetByLabelOptions().setExact(true))).isChecked();
        assertThat(form.getByRole(AriaRole.RADIO, new Locator.GetByRoleOptions().setName("Only the roles I choose (none: tokens carry no roles)"))).isChecked();
        assertThat(form.getByLabel("default-roles-console", new Locator.GetByLabelOptions().setExact(true))).hasCount(0);
        form.getByTestId("access-key-roles-show-all").click();
        assertThat(form.getByLabel("default-roles-console", new Locator.GetByLabelOptions().setExact(true))).not().isChecked();
        form.getByTestId("access-key-scopes-show-all").click();
        assertThat(form.getByLabel("acr", new Locator.GetByLabelOptions().setExact(true))).not().isChecked();
        assertThat(form.getByLabel("Name")).hasAttribute("maxlength", "100");
        assertThat(form.getByLabel("Description")).hasAttribute("maxlength", "1000");
        Axe.check(page, "create form");
        screenshot("account-create-form.png");

        // The summary says in one sentence what a token can do, and warns: no roles, no audience.
        form.getByLabel("Name").fill("ci-deploy");
        button("Next").click();
        assertThat(page.getByTestId("key-summary-sentence")).containsText("A token from ci-deploy acts as you at cli, with User profile and no roles, until");
        assertThat(page.getByTestId("key-summary-warning")).containsText("no roles and no audience");
        Axe.check(page, "summary step");
        screenshot("account-create-summary.png");
        button("Create").click();

        // Each snippet runs in bash exactly as shown and gets a token that carries only openid and profile.
        Locator secret = page.getByTestId("secret-dialog");
        String keyId = secret.getByLabel("Key ID", new Locator.GetByLabelOptions().setExact(true)).inputValue();
        assertThat(secret.getByLabel("Client", new Locator.GetByLabelOptions().setExact(true))).hasCount(0);
        String grant = secret.getByTestId("snippet-grant").textContent();
        assertTrue(grant.lines().findFirst().orElseThrow().startsWith("ACCESS_KEY_ID='" + keyId + "' ACCESS_KEY_SECRET='aks_"), grant);
        assertTrue(grant.contains(realm.getBaseUrl() + "/protocol/openid-connect/token") && grant.contains("CLIENT_ID='cli'"), grant);
        JsonNode token = ConsoleFixture.parse(Bash.run(grant));
        assertEquals(Set.of("openid", "profile"), Set.copyOf(ConsoleFixture.words(token.path("scope").asText())), token.toString());
        JsonNode claims = ConsoleFixture.claims(token.path("access_token").asText());
        assertEquals(keyId, claims.path("access_key_id").asText());
        // no roles: realm_access is there but empty (a key's token always carries it, see docs/security-model.md)
        assertTrue(claims.path("realm_access").path("roles").isEmpty() && claims.path("resource_access").isMissingNode(), "no roles: " + claims);
        assertTrue(claims.path("aud").isMissingNode(), "no audience: " + claims);
        assertEquals("alice", claims.path("preferred_username").asText(), "profile scope");
        assertTrue(claims.path("email").isMissingNode(), "no email scope: " + claims);

        secret.getByRole(AriaRole.TAB, new Locator.GetByRoleOptions().setName("Use the token")).click();
        String use = secret.getByTestId("snippet-use").textContent();
        assertTrue(use.contains("Authorization: Bearer $ACCESS_TOKEN"), use);
        JsonNode userinfo = ConsoleFixture.parse(Bash.run(use));
        assertEquals("alice", userinfo.path("preferred_username").asText(), userinfo.toString());
        assertThat(secret.getByRole(AriaRole.TAB, new Locator.GetByRoleOptions().setName("App password"))).hasCount(0);

        button("I have copied the secret").click();
        assertThat(row("ci-deploy").getByText(keyId)).isVisible();
        assertThat(row("ci-deploy").getByText("User profile")).isVisible();
    }

    @Test
    void theSecretCannotBeLostByAccident() throws IOException {
        context.grantPermissions(List.of("clipboard-read", "clipboard-write"));
        login();
        createWithDefaults("lose-proof");
        Locator secret = page.getByTestId("secret-dialog");
        String keyId = secret.getByLabel("Key ID", new Locator.GetByLabelOptions().setExact(true)).inputValue();
        String value = secret.getByLabel("Secret", new Locator.GetByLabelOptions().setExact(true)).inputValue();

        // Focus starts on the secret's copy button; Enter copies.
        assertEquals("Copy secret", page.evaluate("() => document.activeElement.getAttribute('aria-label')"));
        Axe.check(page, "secret dialog");
        screenshot("account-secret-dialog.png");
        page.keyboard().press("Enter");
        assertEquals(value, page.evaluate("() => navigator.clipboard.readText()"));

        // Download .env.
        Download download = page.waitForDownload(() -> button("Download .env").click());
        assertEquals(keyId + ".env", download.suggestedFilename());
        List<String> env = Files.readAllLines(download.path(), StandardCharsets.UTF_8);
        assertEquals(List.of("ACCESS_KEY_ID=" + keyId, "ACCESS_KEY_SECRET=" + value,
                "ACCESS_KEY_TOKEN_URL=" + realm.getBaseUrl() + "/protocol/openid-connect/token", "ACCESS_KEY_CLIENT_ID=cli"), env);

        // Escape asks; going back shows the same secret again.
        page.keyboard().press("Escape");
        Locator confirm = page.getByTestId("close-secret-confirm");
        assertThat(confirm.getByText("The secret will not be shown again")).isVisible();
        Axe.check(page, "close-without-secret question");
        button("Back to the secret").click();
        assertEquals(value, page.getByTestId("secret-dialog").getByLabel("Secret", new Locator.GetByLabelOptions().setExact(true)).inputValue());

        // The close button asks too; "Close anyway" closes, and focus lands on the new key's row.
        dialog().getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Close").setExact(true)).click();
        button("Close anyway").click();
        assertThat(page.getByRole(AriaRole.DIALOG)).hasCount(0);
        page.waitForFunction("id => document.activeElement && document.activeElement.id === id", "key-row-" + keyId);
    }

    @Test
    void aKeyForTwoClientsHasAClientChooserAndTheAppPasswordForm() {
        fixture.addAppPasswordClient();
        try {
            login();
            button("Create key").first().click();
            Locator form = dialog();
            form.getByLabel("Name").fill("two-tools");
            // Two clients accept keys: none is chosen for the user.
            assertThat(form.getByLabel("cli", new Locator.GetByLabelOptions().setExact(true))).not().isChecked();
            button("Next").click();
            assertThat(form.getByTestId("access-key-clients").getByText("Choose at least one, or allow all.")).isVisible();
            form.getByLabel("cli", new Locator.GetByLabelOptions().setExact(true)).check();
            form.getByLabel(ConsoleFixture.APP_PASSWORD_CLIENT, new Locator.GetByLabelOptions().setExact(true)).check();
            button("Next").click();
            assertThat(page.getByTestId("key-summary-sentence")).containsText("at cli and tool");
            button("Create").click();

            Locator secret = page.getByTestId("secret-dialog");
            Locator chooser = secret.getByLabel("Client", new Locator.GetByLabelOptions().setExact(true));
            assertThat(chooser).hasValue("cli");
            JsonNode cli = ConsoleFixture.parse(Bash.run(secret.getByTestId("snippet-grant").textContent()));
            assertEquals("cli", ConsoleFixture.claims(cli.path("access_token").asText()).path("azp").asText());
            assertThat(secret.getByRole(AriaRole.TAB, new Locator.GetByRoleOptions().setName("App password"))).hasCount(0);

            chooser.selectOption(ConsoleFixture.APP_PASSWORD_CLIENT);
            JsonNode tool = ConsoleFixture.parse(Bash.run(secret.getByTestId("snippet-grant").textContent()));
            assertEquals("tool", ConsoleFixture.claims(tool.path("access_token").asText()).path("azp").asText());
            secret.getByRole(AriaRole.TAB, new Locator.GetByRoleOptions().setName("App password")).click();
            String password = secret.getByTestId("snippet-password").textContent();
            assertTrue(password.contains("grant_type=password") && password.contains("username=\"$ACCESS_KEY_ID\""), password);
            JsonNode session = ConsoleFixture.parse(Bash.run(password));
            assertTrue(session.path("access_token").isTextual(), session.toString());
            screenshot("account-secret-snippets.png");
            button("I have copied the secret").click();
        } finally {
            fixture.removeAppPasswordClient();
        }
    }

    @Test
    void atTheLimitCreateIsDisabledAndSaysWhy() {
        fixture.policy(Map.of("maxKeysPerUser", 2));
        String token = fixture.aliceToken();
        fixture.createKey(token, "first", Map.of());
        fixture.createKey(token, "second", Map.of());
        login();
        assertThat(page.getByTestId("key-count")).hasText("2 of 2 keys in use");
        Locator create = page.getByTestId("create-key");
        assertThat(create).hasAttribute("aria-disabled", "true");
        assertThat(create).hasAttribute("aria-describedby", "access-keys-limit");
        assertThat(page.locator("#access-keys-limit")).containsText("You have reached the limit of 2 keys");
        create.click(new Locator.ClickOptions().setForce(true));
        assertThat(page.getByRole(AriaRole.DIALOG)).hasCount(0);
    }

    @Test
    void fieldErrorsShowUnderTheirFieldWithFocus() {
        fixture.createKey(fixture.aliceToken(), "ci-deploy", Map.of());
        login();
        button("Create key").click();
        Locator form = dialog();
        button("Next").click();
        assertThat(form.locator("#access-key-name-help")).hasText("Enter a name.");
        assertEquals("access-key-name", page.evaluate("() => document.activeElement.id"));

        // The server's answer (a duplicate name) comes back under Name, with focus there.
        form.getByLabel("Name").fill("ci-deploy");
        button("Next").click();
        button("Create").click();
        assertThat(dialog().locator("#access-key-name-help")).hasText("You already have a key with this name. Choose another name.");
        page.waitForFunction("() => document.activeElement && document.activeElement.id === 'access-key-name'");
        assertThat(dialog().getByLabel("Name")).hasAttribute("aria-invalid", "true");
        screenshot("account-duplicate-name.png");
    }

    @Test
    void searchSortAndPagingOverSixtyKeys() {
        fixture.policy(Map.of("maxKeysPerUser", 100));
        String token = fixture.aliceToken();
        for (int i = 1; i <= 60; i++) {
            fixture.createKey(token, String.format("key-%02d", i), Map.of());
        }
        login();
        Locator pagination = page.getByTestId("access-keys-pagination");
        assertThat(pagination).containsText("of 60");
        assertThat(pagination.locator(".pf-v5-c-pagination__nav-page-select")).containsText("of 6");
        assertThat(rows()).hasCount(10);
        assertThat(rows().first()).containsText("key-60");
        assertNoHeaderCut();
        Axe.check(page, "list of 60 keys");

        pagination.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Go to last page")).click();
        assertThat(rows().first()).containsText("key-10");
        assertThat(rows().last()).containsText("key-01");

        page.getByTestId("key-search").locator("input").fill("key-1");
        page.getByTestId("key-search").locator("input").press("Enter");
        assertThat(rows()).hasCount(10);
        assertThat(page.getByTestId("access-keys-pagination")).hasCount(0);
        sortBy("Name");
        assertThat(rows().first()).containsText("key-10");
        sortBy("Name");
        assertThat(rows().first()).containsText("key-19");

        page.getByTestId("key-search").getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Reset")).click();
        assertThat(pagination).containsText("of 60");
        assertThat(rows().first()).containsText("key-60");
        pagination.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Go to next page")).click();
        assertThat(rows().first()).containsText("key-50");
        Locator filter = page.getByLabel("Status", new Page.GetByLabelOptions().setExact(true));
        filter.selectOption("revoked");
        assertThat(page.getByText("No keys match your search and filter")).isVisible();
        filter.selectOption("");
        assertThat(pagination).containsText("of 60");
    }

    @Test
    void datesBadgesQuickEnableAndRotate() {
        String token = fixture.aliceToken();
        long now = System.currentTimeMillis();
        fixture.createKey(token, "deploy-bot", Map.of("expiresAt", now + 5 * DAY + 60_000, "description", "Deploys main"));
        fixture.createKey(token, "nightly-backup", Map.of("expiresAt", now + 95 * DAY));
        long expiring = System.currentTimeMillis() + 6_000;
        fixture.createKey(token, "old-import", Map.of("expiresAt", expiring, "enabled", false));
        String leaked = fixture.createKey(token, "leaked-laptop", Map.of()).get("id").asText();
        fixture.revoke(token, leaked);
        String longName = "CI deploy bot (staging cluster, nightly build and release train)";
        fixture.createKey(token, longName, Map.of());
        sleepUntil(expiring + 500);
        login();

        assertThat(row("deploy-bot").getByTestId("expiring-soon")).hasText("Expires in 5 days");
        assertEquals(1400, page.viewportSize().width);
        assertNoHeaderCut();
        assertThat(row("nightly-backup").getByTestId("expiring-soon")).hasCount(0);
        Locator expires = row("nightly-backup").locator("time").nth(1);
        assertThat(expires).hasText("in 3 months");
        assertTrue(expires.getAttribute("title").matches(".*20\\d\\d.*"), "absolute time on hover: " + expires.getAttribute("title"));
        assertThat(row("deploy-bot").locator("time").first()).hasText(Pattern.compile("^(now|\\d+ minutes? ago)$"));

        // An expired key offers no Enable (it would stay expired), and no switch; a revoked one says when.
        assertThat(row("old-import").getByTestId("key-status")).hasText("Expired");
        assertThat(row("old-import").getByTestId("key-enabled")).hasCount(0);
        row("old-import").getByTestId("key-actions").click();
        assertThat(page.getByRole(AriaRole.MENUITEM, new Page.GetByRoleOptions().setName("Rotate secret"))).isVisible();
        assertThat(page.getByRole(AriaRole.MENUITEM, new Page.GetByRoleOptions().setName("Enable"))).hasCount(0);
        page.keyboard().press("Escape");
        assertThat(row("leaked-laptop").locator("small time")).hasText(Pattern.compile("^(now|\\d+ minutes? ago)$"));

        // Quick disable and enable in the row; the toast does not cover the counter.
        toggle("nightly-backup");
        assertThat(row("nightly-backup").getByTestId("key-status")).hasText("Disabled");
        Locator toast = page.locator(".pf-v5-c-alert-group.pf-m-toast .pf-v5-c-alert").first();
        assertThat(toast).isVisible();
        assertFalse(overlap(toast, page.getByTestId("key-count")), "toast over the key counter");
        toggle("nightly-backup");
        assertThat(row("nightly-backup").getByTestId("key-status")).hasText("Active");
        dismissAlerts();
        Axe.check(page, "list with every status");
        screenshot("account-list.png");

        // Rotate: the whole title, the overlap choice, a new secret; the old one stops (no overlap chosen).
        rowAction(longName, "Rotate secret");
        Locator rotate = dialog();
        Locator title = rotate.getByRole(AriaRole.HEADING, new Locator.GetByRoleOptions().setLevel(1));
        assertThat(title).hasText("Rotate the secret of " + longName + "?");
        assertEquals(Boolean.TRUE, title.evaluate("e => e.scrollWidth <= e.clientWidth + 1"), "title not cut");
        assertThat(rotate.getByLabel("Keep the current secret working")).hasValue("0");
        Axe.check(page, "rotate dialog");
        screenshot("account-rotate.png");
        rotate.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Rotate secret")).click();
        assertThat(page.getByText("New secret for the access key")).isVisible();
        assertTrue(page.getByTestId("secret-dialog").getByLabel("Secret", new Locator.GetByLabelOptions().setExact(true)).inputValue().startsWith("aks_"));
        button("I have copied the secret").click();
    }

    @Test
    void editRevokeAndDelete() {
        String token = fixture.aliceToken();
        JsonNode key = fixture.createKey(token, "ci-deploy", Map.of("scopes", List.of("openid", "email")));
        login();
        assertThat(row("ci-deploy").getByText("Email address")).isVisible();
        rowAction("ci-deploy", "Edit");
        Locator edit = dialog();
        assertThat(edit.getByLabel("Email address", new Locator.GetByLabelOptions().setExact(true))).isChecked();
        edit.getByLabel("Name").fill("ci-deploy-prod");
        edit.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Save")).click();
        assertThat(row("ci-deploy-prod")).isVisible();

        rowAction("ci-deploy-prod", "Revoke");
        Locator confirm = dialog();
        assertThat(confirm.getByText("can never be enabled again")).isVisible();
        confirm.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Revoke")).click();
        assertThat(row("ci-deploy-prod").getByTestId("key-status")).hasText("Revoked");
        assertNotEquals("active", new Http(urls.getBase()).get(ConsoleFixture.SELF + "/" + key.get("id").asText(), token).text("status"));

        rowAction("ci-deploy-prod", "Delete");
        dialog().getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Delete")).click();
        assertThat(page.getByText("No access keys yet")).isVisible();
    }

    @Test
    void onAPhone() {
        open(390, 844);
        fixture.createKey(fixture.aliceToken(), "deploy-bot", Map.of("expiresAt", System.currentTimeMillis() + 3 * DAY));
        login();
        Locator pill = row("deploy-bot").getByTestId("key-status");
        assertThat(pill).hasText("Active");
        double pillWidth = pill.boundingBox().width;
        double rowWidth = row("deploy-bot").boundingBox().width;
        assertTrue(pillWidth < rowWidth / 3, "status pill " + pillWidth + " of row " + rowWidth);
        Axe.check(page, "list at 390 x 844");
        screenshot("account-mobile-list.png");

        button("Create key").click();
        Axe.check(page, "create form at 390 x 844");
        dialog().getByLabel("Name").fill("phone-key");
        button("Next").click();
        assertThat(page.getByTestId("key-summary")).isVisible();
        Axe.check(page, "summary step at 390 x 844");
        button("Create").click();
        assertThat(page.getByTestId("secret-dialog")).isVisible();
        Axe.check(page, "secret dialog at 390 x 844");
        screenshot("account-mobile-secret-dialog.png");
    }

    @Test
    void rotateWithOverlapKeepsTheOldSecretWorkingAndSaysUntilWhen() {
        String token = fixture.aliceToken();
        JsonNode key = fixture.createKey(token, "deploy-bot", Map.of("clients", List.of(AccountConsoleRealmConfig.CLIENT)));
        String id = key.get("id").asText();
        String oldSecret = key.get("secret").asText();
        login();

        rowAction("deploy-bot", "Rotate secret");
        Locator rotate = dialog();
        rotate.getByLabel("Keep the current secret working").selectOption("3600");
        Axe.check(page, "rotate dialog with an overlap");
        long before = System.currentTimeMillis();
        rotate.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Rotate secret")).click();
        String newSecret = page.getByTestId("secret-dialog").getByLabel("Secret", new Locator.GetByLabelOptions().setExact(true)).inputValue();
        assertTrue(newSecret.startsWith("aks_") && !newSecret.equals(oldSecret), "a new secret");

        assertEquals(200, exchange(id, newSecret).status(), "the new secret works");
        assertEquals(200, exchange(id, oldSecret).status(), "the old secret works during the overlap");
        long until = new Http(urls.getBase()).get(ConsoleFixture.SELF + "/" + id, token).json().get("previousSecretExpiresAt").asLong();
        assertTrue(until >= before + 3_590_000 && until <= System.currentTimeMillis() + 3_610_000, "an hour's overlap: " + until);

        button("I have copied the secret").click();
        Locator previous = row("deploy-bot").getByTestId("previous-secret");
        assertThat(previous).containsText(Pattern.compile("Old secret works until in (59|60) minutes|Old secret works until in 1 hour"));
        assertEquals(until, ((Number) previous.locator("time").evaluate("e => Date.parse(e.getAttribute('datetime'))")).longValue(),
                "the row shows the server's previousSecretExpiresAt");
        assertTrue(previous.locator("time").getAttribute("title").matches(".*20\\d\\d.*"), "absolute time on hover");
        Axe.check(page, "list with a rotated key");
        screenshot("account-rotate-overlap.png");
    }

    @Test
    void aKeyLimitedToAnotherNetworkIsRefusedUntilItsAddressesAreEdited() {
        login();
        button("Create key").first().click();
        Locator form = dialog();
        form.getByLabel("Name").fill("office-only");
        form.getByLabel("Allowed addresses").fill("10.0.0.0/8, not-an-address");
        Axe.check(page, "create form with allowed addresses");
        button("Next").click();
        button("Create").click();
        // The server's answer names the bad block under the field, with focus there.
        assertThat(dialog().locator("#access-key-cidrs-help")).containsText("'not-an-address' is not an IPv4 or IPv6 address");
        page.waitForFunction("() => document.activeElement && document.activeElement.id === 'access-key-cidrs'");
        Axe.check(page, "create form with a server error under allowed addresses");
        screenshot("account-cidr-error.png");

        dialog().getByLabel("Allowed addresses").fill("10.0.0.0/8");
        button("Next").click();
        assertThat(page.getByTestId("key-summary-cidrs")).hasText("It works only from 10.0.0.0/8.");
        button("Create").click();
        Locator secret = page.getByTestId("secret-dialog");
        String keyId = secret.getByLabel("Key ID", new Locator.GetByLabelOptions().setExact(true)).inputValue();
        String value = secret.getByLabel("Secret", new Locator.GetByLabelOptions().setExact(true)).inputValue();
        Http.Reply refused = exchange(keyId, value);
        assertEquals(400, refused.status(), "from 127.0.0.1, outside 10.0.0.0/8: " + refused);
        assertEquals("invalid_grant", refused.text("error"));
        button("I have copied the secret").click();
        assertThat(row("office-only").getByTestId("key-cidrs")).hasText("From: 10.0.0.0/8");
        // focus returns to the new key's row once the list has reloaded; wait for it before using the keyboard there
        page.waitForFunction("() => { const row = document.activeElement && document.activeElement.closest('tr');"
                + " return row && row.textContent.includes('office-only'); }");

        rowAction("office-only", "Edit");
        Locator edit = dialog();
        assertThat(edit.getByLabel("Allowed addresses")).hasValue("10.0.0.0/8");
        edit.getByLabel("Allowed addresses").fill("127.0.0.0/8");
        Axe.check(page, "edit form with allowed addresses");
        edit.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Save")).click();
        assertThat(row("office-only").getByTestId("key-cidrs")).hasText("From: 127.0.0.0/8");
        assertEquals("[\"127.0.0.0/8\"]", new Http(urls.getBase()).get(ConsoleFixture.SELF + "/" + keyId, fixture.aliceToken())
                .json().get("allowedCidrs").toString());
        Http.Reply accepted = exchange(keyId, value);
        assertEquals(200, accepted.status(), "from 127.0.0.1, inside 127.0.0.0/8: " + accepted);
    }

    @Test
    void stockPagesStayAndTheNavigationHasAccessKeys() {
        login("/");
        assertThat(page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Alice Example"))).isVisible();
        assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setName("Personal info"))).isVisible();
        assertThat(page.locator("#email")).hasValue("alice@example.com");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Account security")).click();
        page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Signing in")).click();
        assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setName("Signing in"))).isVisible();
        page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Device activity")).click();
        assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setName("Device activity"))).isVisible();
        page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Applications")).click();
        // (the stock page's heading is "Application")
        assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setName("Application"))).isVisible();
        page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Access keys")).click();
        assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setName("Access keys").setExact(true))).isVisible();
        assertTrue(page.url().endsWith("/account/access-keys"), page.url());
    }

    // ---- helpers --------------------------------------------------------------------------------------------------

    private void login() {
        login("/access-keys");
        assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setName("Access keys").setExact(true))).isVisible();
        assertThat(page.getByTestId("key-count")).isVisible();
    }

    private void login(String path) {
        page.navigate(realm.getBaseUrl() + "/account" + path);
        page.locator("#username").fill(user.getUsername());
        page.locator("#password").fill(user.getPassword());
        page.locator("#kc-login").click();
        // (the masthead shows the user's name only on wide screens)
        assertThat(page.locator("#kc-login")).hasCount(0);
        assertThat(page.locator(".pf-v5-c-masthead")).isVisible();
    }

    private Http.Reply exchange(String keyId, String secret) {
        return new Http(urls.getBase()).form("/realms/" + ConsoleFixture.REALM + "/protocol/openid-connect/token",
                Map.of("grant_type", "urn:access-keys:grant-type:access-key", "client_id", AccountConsoleRealmConfig.CLIENT,
                        "key_id", keyId, "key_secret", secret));
    }

    /** No column header of the list is cut (ellipsis): each shows its whole text at this width. */
    private void assertNoHeaderCut() {
        Object cut = page.evaluate("""
                () => [...document.querySelectorAll('[data-testid=access-keys-table] thead th, [data-testid=access-keys-table] thead th *')]
                  .filter(e => !e.closest('.pf-v5-screen-reader') && e.clientWidth > 0 && e.scrollWidth > e.clientWidth)
                  .map(e => e.tagName + ' ' + e.textContent + ' ' + e.scrollWidth + '>' + e.clientWidth)""");
        assertEquals(List.of(), cut, "column headers cut at " + page.viewportSize().width + " px");
    }

    private void createWithDefaults(String name) {
        button("Create key").first().click();
        dialog().getByLabel("Name").fill(name);
        button("Next").click();
        button("Create").click();
        assertThat(page.getByTestId("secret-dialog")).isVisible();
    }

    private Locator dialog() {
        return page.getByRole(AriaRole.DIALOG);
    }

    private Locator button(String name) {
        return page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName(name).setExact(true));
    }

    private Locator rows() {
        return page.locator("[data-testid=access-keys-table] tbody tr");
    }

    private Locator row(String keyName) {
        return rows().filter(new Locator.FilterOptions().setHas(page.getByText(keyName, new Page.GetByTextOptions().setExact(true))));
    }

    private void sortBy(String column) {
        page.getByRole(AriaRole.COLUMNHEADER, new Page.GetByRoleOptions().setName(column)).getByRole(AriaRole.BUTTON).click();
    }

    /** Opens a row's action menu and picks an item with the keyboard only. */
    private void rowAction(String keyName, String action) {
        button("Actions for key " + keyName).focus();
        page.keyboard().press("Enter");
        assertThat(page.getByRole(AriaRole.MENUITEM).first()).isVisible();
        String focused = "";
        for (int i = 0; i < 6 && !action.equals(focused); i++) {
            page.keyboard().press("ArrowDown");
            focused = String.valueOf(page.evaluate("() => document.activeElement && document.activeElement.textContent"));
        }
        assertEquals(action, focused, "menu item reached with the arrow keys");
        page.keyboard().press("Enter");
    }

    /** The row's Enabled switch, with the keyboard (focus, Space). */
    private void toggle(String keyName) {
        row(keyName).getByLabel("Key " + keyName + " enabled").focus();
        page.keyboard().press("Space");
    }

    private void dismissAlerts() {
        Locator close = page.locator(".pf-v5-c-alert-group button[aria-label^='Close']");
        while (close.count() > 0) {
            close.first().click();
        }
    }

    private static boolean overlap(Locator a, Locator b) {
        var x = a.boundingBox();
        var y = b.boundingBox();
        return x.x < y.x + y.width && y.x < x.x + x.width && x.y < y.y + y.height && y.y < x.y + x.height;
    }

    private static void sleepUntil(long millis) {
        try {
            Thread.sleep(Math.max(0, millis - System.currentTimeMillis()));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void screenshot(String name) {
        page.screenshot(new Page.ScreenshotOptions().setPath(SCREENSHOTS.resolve(name)));
    }
}
