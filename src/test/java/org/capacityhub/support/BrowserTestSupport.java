package org.capacityhub.support;

import static org.assertj.core.api.Assertions.fail;

import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

import com.deque.html.axecore.playwright.AxeBuilder;
import com.deque.html.axecore.results.AxeResults;
import com.deque.html.axecore.results.CheckedNode;
import com.deque.html.axecore.results.Rule;
import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.BrowserType;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Playwright;
import com.microsoft.playwright.PlaywrightException;
import com.microsoft.playwright.assertions.PlaywrightAssertions;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Base class of the browser tests: real Chromium driven by Playwright against the application that
 * {@link IntegrationTest} serves on a random port.
 *
 * <p>Subclasses are named {@code *BrowserTest} and annotated with {@link IntegrationTest} and nothing else, so that
 * they share the one cached Spring context with the other integration tests (they run in the same Surefire JVM;
 * see {@code docs/decisions/0003-browser-tests-in-surefire.md}).
 *
 * <p>One Playwright and one browser per JVM, closed when the JVM exits; every test gets a fresh
 * {@link BrowserContext} (no cookies, no session) in {@link #context} with a {@link #page} in it. The browser is
 * Debian's Chromium ({@code /usr/bin/chromium}) or the one named by {@code CHROMIUM_PATH} /
 * {@code PLAYWRIGHT_CHROMIUM_EXECUTABLE}; only when none exists does Playwright use (and, unless
 * {@code PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD} is set, download) its own. A browser that cannot be launched fails the
 * test with an explanation: browser tests never skip.
 */
public abstract class BrowserTestSupport {

    /** WCAG 2.1 levels A and AA, as tagged by axe-core. */
    public static final List<String> WCAG_21_AA = List.of("wcag2a", "wcag2aa", "wcag21a", "wcag21aa");
    private static final Set<String> BLOCKING_IMPACTS = Set.of("serious", "critical");
    private static final Path SCREENSHOTS = Path.of("target", "screenshots");

    @LocalServerPort
    private int port;

    /** This test's browser context (fresh for every test). */
    protected BrowserContext context;

    /** A page in {@link #context}, with relative addresses resolved against the application. */
    protected Page page;

    private final List<BrowserContext> contexts = new ArrayList<>();

    static {
        // CI runs the whole suite on 2 cores: give pages time to answer before an assertion gives up (5 s by default).
        PlaywrightAssertions.setDefaultAssertionTimeout(20_000);
    }

    @BeforeEach
    void openBrowserContext() {
        context = newContext(new Browser.NewContextOptions());
        page = context.newPage();
    }

    @AfterEach
    void closeBrowserContexts() {
        contexts.forEach(BrowserContext::close);
        contexts.clear();
    }

    /** The application's address, such as {@code http://localhost:41234}. */
    protected String baseUrl() {
        return "http://localhost:" + port;
    }

    /**
     * Another fresh browser context (for a second user, or another language with
     * {@code new Browser.NewContextOptions().setLocale("fr-FR")}); closed after the test.
     */
    protected BrowserContext newContext(Browser.NewContextOptions options) {
        BrowserContext created = SharedBrowser.get().newContext(options.setBaseURL(baseUrl()));
        contexts.add(created);
        return created;
    }

    /**
     * Signs in through the sign-in form and waits for the page that follows: the page asked for before signing in,
     * the home page, or the sign-in page again with an error.
     */
    protected void signIn(Page page, String username, String password) {
        String signInPage = baseUrl() + "/login";
        if (!page.url().equals(signInPage)) {
            page.navigate(signInPage);
        }
        page.locator("#username").fill(username);
        page.locator("#password").fill(password);
        page.locator("main form[action='/login'] [type=submit]").click();
        page.waitForURL(url -> !url.equals(signInPage));
    }

    /** Signs out with the button in the navigation bar and waits for the sign-in page. */
    protected void signOut(Page page) {
        page.locator("header form[action='/logout'] [type=submit]").click();
        page.waitForURL(url -> "/login".equals(URI.create(url).getPath()));
    }

    /**
     * Runs axe-core on the page as it is now, against WCAG 2.1 A and AA, and fails listing every violation of
     * serious or critical impact (minor and moderate ones are reported on standard output only).
     */
    public static void assertNoSeriousAccessibilityViolations(Page page) {
        AxeResults results = new AxeBuilder(page).withTags(WCAG_21_AA).analyze();
        if (results.getErrorMessage() != null) {
            fail("axe-core could not audit " + page.url() + ": " + results.getErrorMessage());
        }
        List<Rule> blocking = new ArrayList<>();
        for (Rule violation : results.getViolations()) {
            if (BLOCKING_IMPACTS.contains(violation.getImpact())) {
                blocking.add(violation);
            } else {
                System.out.println("Accessibility (" + violation.getImpact() + ") on " + page.url() + ": "
                        + violation.getId() + ": " + violation.getHelp());
            }
        }
        if (!blocking.isEmpty()) {
            StringBuilder message = new StringBuilder()
                    .append(blocking.size()).append(" serious or critical accessibility violation(s) on ")
                    .append(page.url()).append(':');
            for (Rule rule : blocking) {
                message.append("\n- [").append(rule.getImpact()).append("] ").append(rule.getId()).append(": ")
                        .append(rule.getHelp()).append(" (").append(rule.getHelpUrl()).append(')');
                for (CheckedNode node : rule.getNodes()) {
                    message.append("\n    at ").append(node.getTarget()).append(": ").append(node.getHtml());
                    if (node.getFailureSummary() != null) {
                        message.append("\n      ").append(node.getFailureSummary().replace("\n", "\n      "));
                    }
                }
            }
            fail(message.toString());
        }
    }

    /** Saves a full-page screenshot as {@code target/screenshots/<name>.png} (to look at, not to compare). */
    public static Path screenshot(Page page, String name) {
        Path file = SCREENSHOTS.resolve(name + ".png");
        page.screenshot(new Page.ScreenshotOptions().setPath(file).setFullPage(true));
        return file;
    }

    /** The JVM's one Playwright and browser, started on first use and closed when the JVM exits. */
    static final class SharedBrowser {

        static final List<String> LAUNCH_ARGS = List.of("--no-sandbox", "--disable-background-networking",
                "--disable-component-update", "--disable-sync", "--disable-gpu", "--no-first-run");

        private static Playwright playwright;
        private static Browser browser;
        private static RuntimeException failure;

        private SharedBrowser() {}

        static synchronized Browser get() {
            if (failure != null) {
                throw failure;
            }
            if (browser != null && !browser.isConnected()) {
                // the browser crashed: start another rather than failing every remaining test
                close();
            }
            if (browser == null) {
                try {
                    launch();
                } catch (RuntimeException e) {
                    close();
                    failure = new IllegalStateException("Browser tests need Chromium and none could be launched. "
                            + "Install Debian's chromium package (apt-get install chromium, as .ci/run does), or set "
                            + "CHROMIUM_PATH to a Chromium executable, or unset PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD to let "
                            + "Playwright download its own. Cause: " + e.getMessage(), e);
                    throw failure;
                }
            }
            return browser;
        }

        private static void launch() {
            Path executable = systemChromium();
            if (playwright == null) {
                playwright = executable == null ? Playwright.create()
                        : Playwright.create(new Playwright.CreateOptions()
                                .setEnv(Map.of("PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD", "1")));
                Runtime.getRuntime().addShutdownHook(new Thread(SharedBrowser::close, "playwright-shutdown"));
            }
            BrowserType.LaunchOptions options = new BrowserType.LaunchOptions().setHeadless(true).setArgs(LAUNCH_ARGS);
            if (executable != null) {
                options.setExecutablePath(executable);
            }
            browser = playwright.chromium().launch(options);
        }

        private static synchronized void close() {
            try {
                if (browser != null) {
                    browser.close();
                }
            } catch (PlaywrightException ignored) {
                // already gone
            } finally {
                browser = null;
                if (playwright != null) {
                    try {
                        playwright.close();
                    } catch (PlaywrightException ignored) {
                        // already gone
                    }
                    playwright = null;
                }
            }
        }

        /**
         * {@code CHROMIUM_PATH} or {@code PLAYWRIGHT_CHROMIUM_EXECUTABLE} when set (it must exist), else
         * {@code /usr/bin/chromium} when installed, else null (Playwright's own browser).
         */
        static Path systemChromium() {
            for (String variable : List.of("CHROMIUM_PATH", "PLAYWRIGHT_CHROMIUM_EXECUTABLE")) {
                String value = System.getenv(variable);
                if (value != null && !value.isBlank()) {
                    Path path = Path.of(value);
                    if (!Files.isExecutable(path)) {
                        throw new IllegalStateException(variable + "=" + value + " is not an executable file");
                    }
                    return path;
                }
            }
            Path debian = Path.of("/usr/bin/chromium");
            return Files.isExecutable(debian) ? debian : null;
        }
    }
}
