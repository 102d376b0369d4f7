package dev.accesskeys.ui;

import dev.accesskeys.support.AccessKeysServerConfig;
import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.BrowserType;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Playwright;
import com.microsoft.playwright.options.AriaRole;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInfo;
import org.keycloak.testframework.annotations.InjectRealm;
import org.keycloak.testframework.annotations.InjectUser;
import org.keycloak.testframework.annotations.KeycloakIntegrationTest;
import org.keycloak.testframework.realm.ManagedRealm;
import org.keycloak.testframework.realm.ManagedUser;
import org.keycloak.util.JsonSerialization;

/**
 * The account console as a person uses it: headless Debian Chromium (Playwright for Java, never a downloaded
 * browser) against the real server with this project's JAR. Screenshots go to target/screenshots.
 */
@KeycloakIntegrationTest(config = AccessKeysServerConfig.class)
public class AccountConsoleIT {

    private static final Path SCREENSHOTS = Paths.get("target", "screenshots");
    private static final String CHROMIUM = System.getProperty("chromium.path", "/usr/bin/chromium");
    private static final String GRANT_TYPE = "urn:access-keys:grant-type:access-key";

    @InjectRealm(config = AccountConsoleRealmConfig.class)
    ManagedRealm realm;

    @InjectUser(config = AccountConsoleUserConfig.class)
    ManagedUser user;

    private static Playwright playwright;
    private static Browser browser;
    private BrowserContext context;
    private Page page;
    private final HttpClient http = HttpClient.newHttpClient();

    @BeforeAll
    static void launchBrowser() throws IOException {
        Files.createDirectories(SCREENSHOTS);
        if (!Files.isExecutable(Paths.get(CHROMIUM))) {
            throw new IllegalStateException("No Chromium at " + CHROMIUM
                    + ": install Debian's (apt-get install -y chromium) or pass -Dchromium.path=...");
        }
        playwright = Playwright.create(new Playwright.CreateOptions()
                .setEnv(Map.of("PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD", "1")));
        browser = playwright.chromium().launch(new BrowserType.LaunchOptions()
                .setExecutablePath(Paths.get(CHROMIUM))
                .setHeadless(true)
                .setArgs(List.of("--no-sandbox", "--disable-gpu", "--disable-background-networking",
                        "--disable-dev-shm-usage")));
    }

    @AfterAll
    static void closeBrowser() {
        if (browser != null) browser.close();
        if (playwright != null) playwright.close();
    }

    @BeforeEach
    void openPage() {
        context = browser.newContext(new Browser.NewContextOptions().setViewportSize(1400, 900).setLocale("en-US"));
        context.setDefaultTimeout(30_000);
        page = context.newPage();
    }

    @AfterEach
    void closePage(TestInfo test) {
        // The last state of every test, for a look when it failed.
        page.screenshot(new Page.ScreenshotOptions()
                .setPath(SCREENSHOTS.resolve("last-" + test.getTestMethod().orElseThrow().getName() + ".png")));
        context.close();
    }

    @Test
    void wholeKeyLifeCycleInTheAccountConsole() throws Exception {
        login("/access-keys");
        assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setName("Access keys").setExact(true))).isVisible();
        assertThat(page.getByText("No access keys yet")).isVisible();

        // Create a key limited to one scope; the secret is shown once.
        button("Create key").first().click();
        Locator form = page.getByRole(AriaRole.DIALOG);
        form.getByLabel("Name").fill("ci-deploy");
        form.getByLabel("Description").fill("Deploys from the CI pipeline");
        assertThat(form.getByLabel("Expires", new Locator.GetByLabelOptions().setExact(true))).isVisible();
        form.getByLabel("Only the scopes I choose").check();
        form.getByLabel("email", new Locator.GetByLabelOptions().setExact(true)).check();
        form.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Create").setExact(true)).click();

        Locator secretDialog = page.getByRole(AriaRole.DIALOG);
        assertThat(secretDialog.getByText("it will not be shown again")).isVisible();
        String keyId = secretDialog.getByLabel("Key ID", new Locator.GetByLabelOptions().setExact(true)).inputValue();
        String secret = secretDialog.getByLabel("Secret", new Locator.GetByLabelOptions().setExact(true)).inputValue();
        assertTrue(keyId.startsWith("ak_"), keyId);
        assertTrue(secret.startsWith("aks_"), "secret has the aks_ prefix");
        assertThat(secretDialog.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Copy secret")))
                .isVisible();
        screenshot("account-console-secret-dialog.png");

        // The secret from the dialog gets a token, limited to the chosen scope.
        Map<String, Object> token = exchange(keyId, secret, 200);
        String scope = String.valueOf(token.get("scope"));
        assertTrue(scope.contains("email"), "scope " + scope);
        assertTrue(!scope.contains("profile"), "scope outside the key left out: " + scope);

        button("I have copied the secret").click();
        assertThat(page.getByRole(AriaRole.DIALOG)).hasCount(0);
        Locator row = row("ci-deploy");
        assertThat(row.getByText(keyId)).isVisible();
        assertThat(row.getByText("Active", new Locator.GetByTextOptions().setExact(true))).isVisible();

        // A second key, with all scopes, for the list screenshot and the filter.
        button("Create key").first().click();
        page.getByRole(AriaRole.DIALOG).getByLabel("Name")
                .fill("backup-job");
        page.getByRole(AriaRole.DIALOG)
                .getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Create").setExact(true)).click();
        button("I have copied the secret").click();
        assertThat(row("backup-job")).isVisible();

        // Disable (row menus are driven with the keyboard throughout: a labelled button, Enter, arrow keys).
        rowAction("backup-job", "Disable");
        assertThat(row("backup-job").getByText("Disabled", new Locator.GetByTextOptions().setExact(true))).isVisible();
        dismissAlerts();
        screenshot("account-console-access-keys.png");

        // Filter by status.
        Locator filter = page.getByLabel("Status", new Page.GetByLabelOptions().setExact(true));
        filter.selectOption("disabled");
        assertThat(row("backup-job")).isVisible();
        assertThat(row("ci-deploy")).hasCount(0);
        filter.selectOption("revoked");
        assertThat(page.getByText("No keys with status Revoked")).isVisible();
        filter.selectOption("active");
        assertThat(row("ci-deploy")).isVisible();
        assertThat(row("backup-job")).hasCount(0);
        filter.selectOption("");

        // Disable the first key: its secret stops working; enable it again.
        rowAction("ci-deploy", "Disable");
        assertThat(row("ci-deploy").getByText("Disabled", new Locator.GetByTextOptions().setExact(true))).isVisible();
        assertEquals("invalid_grant", exchange(keyId, secret, 400).get("error"));
        rowAction("ci-deploy", "Enable");
        assertThat(row("ci-deploy").getByText("Active", new Locator.GetByTextOptions().setExact(true))).isVisible();
        exchange(keyId, secret, 200);

        // Rotate: a new secret, shown once; the old one stops working.
        rowAction("ci-deploy", "Rotate secret");
        page.getByRole(AriaRole.DIALOG).getByRole(AriaRole.BUTTON,
                new Locator.GetByRoleOptions().setName("Rotate secret")).click();
        Locator rotated = page.getByRole(AriaRole.DIALOG);
        assertThat(rotated.getByText("New secret for the access key")).isVisible();
        String newSecret = rotated.getByLabel("Secret", new Locator.GetByLabelOptions().setExact(true)).inputValue();
        assertNotEquals(secret, newSecret);
        assertEquals(keyId, rotated.getByLabel("Key ID", new Locator.GetByLabelOptions().setExact(true)).inputValue());
        button("I have copied the secret").click();
        assertEquals("invalid_grant", exchange(keyId, secret, 400).get("error"));
        exchange(keyId, newSecret, 200);

        // Edit the name.
        rowAction("ci-deploy", "Edit");
        Locator edit = page.getByRole(AriaRole.DIALOG);
        edit.getByLabel("Name").fill("ci-deploy-prod");
        edit.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Save")).click();
        assertThat(row("ci-deploy-prod")).isVisible();

        // An API error is shown as a Keycloak alert: a second key with the same name.
        button("Create key").first().click();
        page.getByRole(AriaRole.DIALOG).getByLabel("Name")
                .fill("ci-deploy-prod");
        page.getByRole(AriaRole.DIALOG)
                .getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Create").setExact(true)).click();
        assertThat(page.getByText("Could not create the access key")).isVisible();
        page.getByRole(AriaRole.DIALOG).getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Cancel"))
                .click();

        // Revoke (with confirmation): stays listed, the secret no longer works.
        rowAction("ci-deploy-prod", "Revoke");
        Locator confirm = page.getByRole(AriaRole.DIALOG);
        assertThat(confirm.getByText("can never be enabled again")).isVisible();
        confirm.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Revoke")).click();
        assertThat(row("ci-deploy-prod").getByText("Revoked", new Locator.GetByTextOptions().setExact(true)))
                .isVisible();
        assertEquals("invalid_grant", exchange(keyId, newSecret, 400).get("error"));

        // Delete (with confirmation) both keys.
        for (String name : List.of("ci-deploy-prod", "backup-job")) {
            rowAction(name, "Delete");
            page.getByRole(AriaRole.DIALOG).getByRole(AriaRole.BUTTON,
                    new Locator.GetByRoleOptions().setName("Delete")).click();
            assertThat(row(name)).hasCount(0);
        }
        assertThat(page.getByText("No access keys yet")).isVisible();
    }

    @Test
    void stockPagesStayAndTheNavigationHasAccessKeys() {
        login("/");
        assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setName("Personal info"))).isVisible();
        assertThat(page.locator("#email")).hasValue("alice@example.com");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Account security")).click();
        page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Signing in")).click();
        assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setName("Signing in"))).isVisible();
        page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Device activity")).click();
        assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setName("Device activity")))
                .isVisible();
        page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Applications")).click();
        // (the stock page's heading is "Application")
        assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setName("Application")))
                .isVisible();
        page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Access keys")).click();
        assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setName("Access keys").setExact(true))).isVisible();
        assertTrue(page.url().endsWith("/account/access-keys"), page.url());
    }

    private void login(String path) {
        page.navigate(realm.getBaseUrl() + "/account" + path);
        page.locator("#username").fill(user.getUsername());
        page.locator("#password").fill(user.getPassword());
        page.locator("#kc-login").click();
        assertThat(page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Alice Example"))).isVisible();
    }

    private Locator button(String name) {
        return page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName(name).setExact(true));
    }

    private Locator row(String keyName) {
        return page.getByRole(AriaRole.ROW).filter(new Locator.FilterOptions().setHas(
                page.getByText(keyName, new Page.GetByTextOptions().setExact(true))));
    }

    private Locator rowActions(String keyName) {
        return button("Actions for key " + keyName);
    }

    /** Opens a row's action menu and picks an item with the keyboard only. */
    private void rowAction(String keyName, String action) {
        rowActions(keyName).focus();
        page.keyboard().press("Enter");
        Locator items = page.getByRole(AriaRole.MENUITEM);
        assertThat(items.first()).isVisible();
        String focused = "";
        for (int i = 0; i < 6 && !action.equals(focused); i++) {
            page.keyboard().press("ArrowDown");
            focused = String.valueOf(page.evaluate("() => document.activeElement && document.activeElement.textContent"));
        }
        assertEquals(action, focused, "menu item reached with the arrow keys");
        page.keyboard().press("Enter");
    }

    /** Closes the toast alerts (they would cover the table in screenshots). */
    private void dismissAlerts() {
        Locator close = page.locator(".pf-v5-c-alert-group button[aria-label^='Close']");
        while (close.count() > 0) {
            close.first().click();
        }
    }

    private void screenshot(String name) {
        page.screenshot(new Page.ScreenshotOptions().setPath(SCREENSHOTS.resolve(name)));
    }

    /** The access-key grant at the token endpoint, with the secret as the dialog showed it. */
    private Map<String, Object> exchange(String keyId, String secret, int expectedStatus) throws Exception {
        Map<String, String> form = new LinkedHashMap<>();
        form.put("grant_type", GRANT_TYPE);
        form.put("client_id", AccountConsoleRealmConfig.CLIENT);
        form.put("key_id", keyId);
        form.put("key_secret", secret);
        String body = form.entrySet().stream()
                .map(e -> e.getKey() + "=" + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
        HttpResponse<String> response = http.send(HttpRequest.newBuilder()
                        .uri(URI.create(realm.getBaseUrl() + "/protocol/openid-connect/token"))
                        .header("Content-Type", "application/x-www-form-urlencoded")
                        .POST(HttpRequest.BodyPublishers.ofString(body))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        assertEquals(expectedStatus, response.statusCode(), response.body());
        @SuppressWarnings("unchecked")
        Map<String, Object> json = JsonSerialization.readValue(response.body(), Map.class);
        if (expectedStatus == 200) {
            assertTrue(json.get("access_token") instanceof String, response.body());
        }
        return json;
    }
}
