package org.capacityhub.platform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.capacityhub.support.DirectoryFixtures.as;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestBuilders.formLogin;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.response.SecurityMockMvcResultMatchers.authenticated;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;

import org.capacityhub.support.DirectoryFixtures;
import org.capacityhub.support.IntegrationTest;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.MockMvc;

/**
 * Clicks through the pages as every kind of demo user, as the bootstrap administrator, as two users with no data
 * yet (one in a new organisation, one without any organisation) and without signing in: signs in with the form (a
 * real session), then follows every same-origin link, GET form and {@code hx-get} fragment breadth-first, visiting
 * each route pattern (ids replaced by a placeholder) at most 3 times by default. Every page must answer without a
 * server error, show no stack trace nor missing message key, have exactly one {@code <h1>} and a {@code <title>}, no
 * repeated element id and a label for every form field; a link a page offers must not lead to a 404 or a 403 (a
 * link to something the user may not see must not be offered at all).
 */
@IntegrationTest
class PageCrawlTest {

    /** Bounds; a deeper crawl by hand: {@code -Dcrawl.visitsPerPattern=20 -Dcrawl.requestsPerRole=3000}. */
    private static final int VISITS_PER_PATTERN = Integer.getInteger("crawl.visitsPerPattern", 3);
    private static final int REQUESTS_PER_ROLE = Integer.getInteger("crawl.requestsPerRole", 400);
    private static final Pattern NUMERIC_SEGMENT = Pattern.compile("/\\d+(?=/|$)");
    private static final Pattern UUID_SEGMENT = Pattern.compile(
            "/[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}(?=/|$)");
    private static final Pattern STACK_TRACE = Pattern.compile(
            "(?m)^\\s*at [a-z][\\w$]*(\\.[\\w$]+)+\\(|Whitelabel Error Page|java\\.lang\\.[A-Z]\\w*Exception");
    /** A message key Thymeleaf did not find, shown as {@code ??key_lang??}. */
    private static final Pattern MISSING_MESSAGE = Pattern.compile("\\?\\?[\\w.-]+_[\\w-]+\\?\\?");
    /** Paths never followed: signing out, assets, the REST API, and the API's own documentation. */
    private static final List<String> SKIPPED_PREFIXES = List.of("/logout", "/webjars/", "/css/", "/js/",
            "/img/", "/images/", "/favicon", "/api/", "/v3/api-docs", "/swagger-ui", "/actuator");
    private static final Pattern DOWNLOAD = Pattern.compile(
            ".*(\\.(csv|xlsx|pdf|zip|json|xml|ics)|/export(\\.\\w+)?|/download)$");

    @Autowired
    MockMvc mvc;

    @Autowired
    ApplicationContext context;

    @Autowired
    List<DemoContributor> contributors;

    private record Visit(String url, String offeredBy, boolean fragment) {}

    @Test
    void everyPageEveryDemoUserCanReachWorks() throws Exception {
        var admin = DirectoryFixtures.of(context).admin();
        mvc.perform(post("/admin/demo").with(csrf()).with(as(admin))).andExpect(status().is3xxRedirection());

        Map<String, String> passwords = new HashMap<>();
        passwords.put("admin", "test-admin-password");
        contributors.stream().flatMap(c -> c.signIns().stream())
                .forEach(s -> passwords.put(s.username(), s.password()));
        assertThat(passwords).containsKeys("demo.coordinator", "demo.focalpoint", "demo.civilservant",
                "demo.mentor");
        // Two users with nothing yet: one in a new organisation, one without any organisation.
        var directory = DirectoryFixtures.of(context);
        var newcomer = directory.memberOf(directory.ministry("Crawl Ministry"));
        var unattached = directory.account(directory.person("Unattached", null));
        passwords.put(newcomer.username(), "correct horse battery staple");
        passwords.put(unattached.username(), "correct horse battery staple");

        List<String> problems = new ArrayList<>();
        int pages = crawl("anonymous", null, problems);
        System.out.println("PageCrawlTest: anonymous visited " + pages + " pages");
        for (var entry : new TreeSet<>(passwords.keySet())) {
            int visited = crawl(entry, passwords.get(entry), problems);
            System.out.println("PageCrawlTest: " + entry + " visited " + visited + " pages");
            pages += visited;
        }
        assertThat(pages).as("pages visited").isGreaterThan(100);
        assertThat(problems).as("problems found while crawling").isEmpty();
    }

    private MockHttpSession signIn(String username, String password) throws Exception {
        var result = mvc.perform(formLogin("/login").user(username).password(password))
                .andExpect(authenticated().withUsername(username)).andReturn();
        return (MockHttpSession) result.getRequest().getSession(false);
    }

    private int crawl(String username, String password, List<String> problems) throws Exception {
        // Without a password: a visitor who has not signed in (pages ask for sign-in, public pages work).
        MockHttpSession session = password == null ? new MockHttpSession() : signIn(username, password);
        Deque<Visit> queue = new ArrayDeque<>();
        Set<String> seen = new HashSet<>();
        Map<String, Integer> perPattern = new HashMap<>();
        queue.add(new Visit("/", password == null ? "the address bar" : "sign-in", false));
        seen.add("/");
        int requests = 0;
        while (!queue.isEmpty() && requests < REQUESTS_PER_ROLE) {
            Visit visit = queue.poll();
            requests++;
            var request = get(URI.create(visit.url())).session(session);
            if (visit.fragment()) {
                request.header("HX-Request", "true");
            }
            MockHttpServletResponse response = mvc.perform(request).andReturn().getResponse();
            int status = response.getStatus();
            String where = username + ": " + visit.url() + " (linked from " + visit.offeredBy() + ")";
            if (status >= 500) {
                problems.add(where + " answered " + status);
                continue;
            }
            if (status == 404 || status == 403) {
                problems.add(where + " answered " + status + ": a link the page should not offer");
                continue;
            }
            if (status >= 300 && status < 400) {
                String location = response.getRedirectedUrl();
                if (location != null) {
                    offer(location, visit.url(), false, queue, seen, perPattern);
                }
                continue;
            }
            if (status >= 400) {
                problems.add(where + " answered " + status);
                continue;
            }
            String contentType = response.getContentType();
            if (contentType == null || !contentType.startsWith("text/html")) {
                continue;
            }
            String body = response.getContentAsString(StandardCharsets.UTF_8);
            if (STACK_TRACE.matcher(body).find()) {
                problems.add(where + " shows a stack trace or an error page");
            }
            if (MISSING_MESSAGE.matcher(body).find()) {
                problems.add(where + " shows a missing message key: " + MISSING_MESSAGE.matcher(body).results()
                        .map(m -> m.group()).distinct().toList());
            }
            Document page = Jsoup.parse(body, "http://localhost" + visit.url());
            int headings = page.select("h1").size();
            if (!visit.fragment() && headings != 1) {
                problems.add(where + " has " + headings + " <h1> elements");
            }
            if (!visit.fragment() && page.title().isBlank()) {
                problems.add(where + " has no <title>");
            }
            Set<String> ids = new HashSet<>();
            List<String> duplicateIds = page.select("[id]").stream().map(e -> e.id())
                    .filter(id -> !ids.add(id)).distinct().toList();
            if (!duplicateIds.isEmpty()) {
                problems.add(where + " repeats the element ids " + duplicateIds);
            }
            List<String> unlabelled = page.select("input, select, textarea").stream()
                    .filter(field -> !List.of("hidden", "submit", "button", "reset", "image")
                            .contains(field.attr("type").toLowerCase()))
                    .filter(field -> !labelled(field, page)).map(field -> field.attr("name")).toList();
            if (!unlabelled.isEmpty()) {
                problems.add(where + " has form fields without a label: " + unlabelled);
            }
            for (Element link : page.select("a[href]")) {
                offer(link.attr("href"), visit.url(), false, queue, seen, perPattern);
            }
            for (Element part : page.select("[hx-get]")) {
                offer(part.attr("hx-get"), visit.url(), true, queue, seen, perPattern);
            }
            for (Element form : page.select("form")) {
                String method = form.attr("method");
                if (method.isBlank() || method.equalsIgnoreCase("get")) {
                    String action = form.hasAttr("action") ? form.attr("action") : visit.url();
                    offer(withDefaults(action, form), visit.url(), false, queue, seen, perPattern);
                }
            }
        }
        return requests;
    }

    private void offer(String href, String from, boolean fragment, Deque<Visit> queue, Set<String> seen,
            Map<String, Integer> perPattern) {
        String url = sameOriginPath(href, from);
        if (url == null || !seen.add(url)) {
            return;
        }
        String path = url.contains("?") ? url.substring(0, url.indexOf('?')) : url;
        if (SKIPPED_PREFIXES.stream().anyMatch(path::startsWith) || DOWNLOAD.matcher(path).matches()) {
            return;
        }
        String pattern = pattern(url);
        int visits = perPattern.merge(pattern, 1, Integer::sum);
        if (visits <= VISITS_PER_PATTERN) {
            queue.add(new Visit(url, from, fragment));
        }
    }

    /** Whether a screen reader names the field: a label for it, a label around it, or an ARIA name or title. */
    private static boolean labelled(Element field, Document page) {
        return field.hasAttr("aria-label") || field.hasAttr("aria-labelledby") || field.hasAttr("title")
                || field.closest("label") != null
                || !field.id().isEmpty()
                        && page.select("label[for]").stream().anyMatch(l -> l.attr("for").equals(field.id()));
    }

    /** The GET form's action with the values its fields have when the page opens (what a first click sends). */
    private static String withDefaults(String action, Element form) {
        List<String> pairs = new ArrayList<>();
        for (Element field : form.select("input[name], select[name], textarea[name]")) {
            if (field.hasAttr("disabled")) {
                continue;
            }
            String value;
            if (field.tagName().equals("select")) {
                Element option = field.selectFirst("option[selected]");
                option = option != null ? option : field.selectFirst("option");
                if (option == null) {
                    continue;
                }
                value = option.hasAttr("value") ? option.attr("value") : option.text();
            } else if (field.tagName().equals("textarea")) {
                value = field.text();
            } else {
                String type = field.attr("type").toLowerCase();
                if (type.equals("submit") || type.equals("button") || type.equals("image") || type.equals("file")
                        || (type.equals("checkbox") || type.equals("radio")) && !field.hasAttr("checked")) {
                    continue;
                }
                value = field.attr("value");
            }
            pairs.add(URLEncoder.encode(field.attr("name"), StandardCharsets.UTF_8) + "="
                    + URLEncoder.encode(value, StandardCharsets.UTF_8));
        }
        if (pairs.isEmpty()) {
            return action;
        }
        String base = action.contains("?") ? action.substring(0, action.indexOf('?')) : action;
        return base + "?" + String.join("&", pairs);
    }

    /** The link's path and query when it stays on this site, else null. */
    private static String sameOriginPath(String href, String from) {
        String trimmed = href.trim();
        if (trimmed.isEmpty() || trimmed.startsWith("#") || trimmed.startsWith("mailto:")
                || trimmed.startsWith("tel:") || trimmed.startsWith("javascript:")) {
            return null;
        }
        URI uri;
        try {
            uri = URI.create("http://localhost" + from).resolve(trimmed.replace(" ", "%20"));
        } catch (IllegalArgumentException e) {
            return null;
        }
        if (!"localhost".equals(uri.getHost()) || uri.getPort() != -1 && uri.getPort() != 80) {
            return null;
        }
        String path = uri.getRawPath() == null || uri.getRawPath().isEmpty() ? "/" : uri.getRawPath();
        return uri.getRawQuery() == null ? path : path + "?" + uri.getRawQuery();
    }

    /** The route pattern: ids replaced, query values dropped. */
    private static String pattern(String url) {
        String path = url.contains("?") ? url.substring(0, url.indexOf('?')) : url;
        path = UUID_SEGMENT.matcher(NUMERIC_SEGMENT.matcher(path).replaceAll("/{id}")).replaceAll("/{uuid}");
        if (!url.contains("?")) {
            return path;
        }
        Set<String> names = new TreeSet<>();
        for (String pair : url.substring(url.indexOf('?') + 1).split("&")) {
            names.add(pair.contains("=") ? pair.substring(0, pair.indexOf('=')) : pair);
        }
        return path + "?" + String.join("&", names);
    }
}
