package org.capacityhub;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.CookieManager;
import java.net.CookiePolicy;
import java.net.ServerSocket;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * The packaged application as an operator first runs it: {@code java -jar} on the jar that {@code package} built,
 * on a fresh data directory and a free port. Run by Failsafe in {@code verify}, after {@code package}; later
 * modules that bring native libraries rely on it to prove the jar still starts.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class PackagedJarIT {

    private static final Duration STARTUP_TIMEOUT = Duration.ofMinutes(4);
    private static final Pattern PRINTED_PASSWORD =
            Pattern.compile("password\\s+([A-Za-z0-9]{5}(?:-[A-Za-z0-9]{5}){3})");

    private static Process application;
    private static Path dataDir;
    private static Path log;
    private static String baseUrl;
    private static final HttpClient anonymous = HttpClient.newBuilder()
            .followRedirects(HttpClient.Redirect.NEVER).connectTimeout(Duration.ofSeconds(5)).build();

    @BeforeAll
    static void startThePackagedJar() throws Exception {
        Path jar = Path.of(System.getProperty("capacityhub.packaged-jar", "target/capacity-hub.jar"));
        assertThat(jar).as("the jar built by `./mvnw package`").isRegularFile();
        dataDir = Files.createTempDirectory("capacityhub-packaged-");
        log = Path.of("target", "packaged-jar-it.log");
        int port = freePort();
        baseUrl = "http://localhost:" + port;

        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        ProcessBuilder builder = new ProcessBuilder(java, "-jar", jar.toAbsolutePath().toString(),
                "--server.port=" + port)
                .directory(dataDir.toFile())
                .redirectErrorStream(true)
                .redirectOutput(log.toFile());
        Map<String, String> environment = builder.environment();
        environment.keySet().removeIf(name -> name.startsWith("CAPACITYHUB_") || name.startsWith("SPRING_"));
        environment.put("CAPACITYHUB_DATA_DIR", dataDir.toString());
        application = builder.start();
        Process started = application;
        Runtime.getRuntime().addShutdownHook(new Thread(started::destroyForcibly));

        awaitHealthUp();
    }

    @AfterAll
    static void stopIt() throws Exception {
        if (application != null) {
            application.destroy();
            if (!application.waitFor(60, TimeUnit.SECONDS)) {
                application.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
            }
        }
        if (dataDir != null) {
            try (Stream<Path> files = Files.walk(dataDir)) {
                files.sorted(Comparator.reverseOrder()).forEach(file -> file.toFile().delete());
            }
        }
    }

    @Test
    void healthIsUpWithoutDetails() throws Exception {
        HttpResponse<String> health = get(anonymous, "/actuator/health");
        assertThat(health.statusCode()).isEqualTo(200);
        assertThat(health.body()).contains("\"status\":\"UP\"").doesNotContain("components", "details");
    }

    @Test
    void theSignInPageIsServedWithItsStylesFromTheJar() throws Exception {
        HttpResponse<String> root = get(anonymous, "/");
        assertThat(root.statusCode()).isEqualTo(302);
        assertThat(root.headers().firstValue("Location")).hasValueSatisfying(l -> assertThat(l).endsWith("/login"));

        HttpResponse<String> signIn = get(anonymous, "/login");
        assertThat(signIn.statusCode()).isEqualTo(200);
        assertThat(signIn.headers().firstValue("Content-Type")).hasValueSatisfying(t -> assertThat(t).startsWith("text/html"));
        assertThat(signIn.body()).contains("name=\"username\"", "name=\"password\"", "name=\"_csrf\"");

        Matcher stylesheet = Pattern.compile("href=\"(/webjars/bootstrap/[^\"]+\\.css)\"").matcher(signIn.body());
        assertThat(stylesheet.find()).as("the page links Bootstrap from the WebJar").isTrue();
        assertThat(get(anonymous, stylesheet.group(1)).statusCode()).isEqualTo(200);
        assertThat(get(anonymous, "/assets/capacityhub.css").statusCode()).isEqualTo(200);
    }

    @Test
    void theEmbeddedDatabaseLivesInTheDataDirectory() throws Exception {
        try (Stream<Path> files = Files.walk(dataDir.resolve("db"))) {
            assertThat(files.map(f -> f.getFileName().toString())).anyMatch(name -> name.endsWith(".mv.db"));
        }
    }

    @Test
    void theFirstAdministratorsPasswordIsPrintedOnceAndMustBeChangedAtFirstSignIn() throws Exception {
        String output = Files.readString(log);
        Matcher printed = PRINTED_PASSWORD.matcher(output);
        assertThat(printed.find()).as("the generated password is printed in the log").isTrue();
        String password = printed.group(1);
        assertThat(output.split(Pattern.quote(password), -1)).as("printed exactly once").hasSize(2);
        assertThat(output).contains("first administrator created").containsPattern("username\\s+admin");

        HttpClient browser = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER)
                .cookieHandler(new CookieManager(null, CookiePolicy.ACCEPT_ALL)).build();
        Matcher csrf = Pattern.compile("name=\"_csrf\"\\s+value=\"([^\"]+)\"|value=\"([^\"]+)\"\\s+name=\"_csrf\"")
                .matcher(get(browser, "/login").body());
        assertThat(csrf.find()).as("the sign-in form carries a CSRF token").isTrue();
        String token = csrf.group(1) != null ? csrf.group(1) : csrf.group(2);

        HttpResponse<String> signedIn = browser.send(HttpRequest.newBuilder(URI.create(baseUrl + "/login"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form(Map.of(
                        "username", "admin", "password", password, "_csrf", token))))
                .build(), HttpResponse.BodyHandlers.ofString());
        assertThat(signedIn.statusCode()).isEqualTo(302);
        assertThat(signedIn.headers().firstValue("Location")).hasValueSatisfying(l -> assertThat(l).doesNotContain("error"));

        HttpResponse<String> home = get(browser, "/");
        assertThat(home.statusCode()).as("a generated password must be changed first").isEqualTo(302);
        assertThat(home.headers().firstValue("Location"))
                .hasValueSatisfying(l -> assertThat(l).endsWith("/account/password"));
    }

    /**
     * OR-Tools' native libraries load from the packaged jar: the administrator (after the forced password change,
     * so this runs last) pairs themself, who wants to learn a competency, with an organisation that offers to mentor
     * on it, through the API.
     */
    @Test
    @Order(Integer.MAX_VALUE)
    void aPairingRoundIsSolvedByTheNativeSolverInsideThePackagedJar() throws Exception {
        Matcher printed = PRINTED_PASSWORD.matcher(Files.readString(log));
        assertThat(printed.find()).isTrue();
        HttpClient browser = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER)
                .cookieHandler(new CookieManager(null, CookiePolicy.ACCEPT_ALL)).build();
        HttpResponse<String> signedIn = postForm(browser, "/login", Map.of("username", "admin",
                "password", printed.group(1), "_csrf", csrf(get(browser, "/login").body())));
        assertThat(signedIn.statusCode()).isEqualTo(302);
        String password = "packaged jar test password " + System.nanoTime();
        HttpResponse<String> changed = postForm(browser, "/account/password", Map.of("currentPassword",
                printed.group(1), "newPassword", password, "confirmPassword", password,
                "_csrf", csrf(get(browser, "/account/password").body())));
        assertThat(changed.statusCode()).as(changed.body()).isEqualTo(302);

        String basic = java.util.Base64.getEncoder().encodeToString(("admin:" + password)
                .getBytes(StandardCharsets.UTF_8));
        HttpResponse<String> created = anonymous.send(HttpRequest.newBuilder(URI.create(baseUrl + "/api/v1/tokens"))
                .header("Authorization", "Basic " + basic).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"name\": \"packaged jar test\"}")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        String token = field(created.body(), "token");

        String competencies = api(token, "GET", "/api/v1/matching/competencies?q=architecture", null, 200);
        String competency = field(competencies, "id");
        String organisation = field(api(token, "POST", "/api/v1/organisations", """
                {"name": "Packaged jar agency", "type": "AGENCY", "countryCode": "KE"}""", 201), "id");
        String mentor = field(api(token, "POST", "/api/v1/matching/organisations/" + organisation + "/profile", null,
                200), "id");
        api(token, "PUT", "/api/v1/matching/profiles/" + mentor + "/settings",
                "{\"languages\": [\"en\"], \"countryCode\": \"KE\", \"visibility\": \"PUBLIC\"}", 200);
        api(token, "PUT", "/api/v1/matching/profiles/" + mentor + "/entries/" + competency,
                "{\"knowsRank\": 2, \"roles\": [\"MENTOR\"], \"offerHours\": 4, \"formats\": [\"ONLINE\"]}", 200);
        String mentee = field(api(token, "GET", "/api/v1/matching/profiles/mine", null, 200), "id");
        api(token, "PUT", "/api/v1/matching/profiles/" + mentee + "/settings",
                "{\"languages\": [\"en\"], \"countryCode\": \"KE\", \"visibility\": \"PUBLIC\"}", 200);
        api(token, "PUT", "/api/v1/matching/profiles/" + mentee + "/entries/" + competency,
                "{\"knowsRank\": 0, \"wantsRank\": 2}", 200);

        String round = api(token, "POST", "/api/v1/matching/rounds", """
                {"title": "Packaged jar round", "competencyId": %s, "mentorCapacity": 2, "topK": 5,
                 "avoidSameOrganisation": true}""".formatted(competency), 201);
        assertThat(round).contains("\"mentees\":1", "\"mentors\":1", "\"placed\":1", "\"boundExact\":true",
                "\"mentorProfileId\":" + mentor);
        assertThat(Files.readString(log)).doesNotContain("UnsatisfiedLinkError");
    }

    private static String csrf(String page) {
        Matcher csrf = Pattern.compile("name=\"_csrf\"\\s+value=\"([^\"]+)\"|value=\"([^\"]+)\"\\s+name=\"_csrf\"")
                .matcher(page);
        assertThat(csrf.find()).as("the form carries a CSRF token").isTrue();
        return csrf.group(1) != null ? csrf.group(1) : csrf.group(2);
    }

    private static HttpResponse<String> postForm(HttpClient client, String path, Map<String, String> fields)
            throws IOException, InterruptedException {
        return client.send(HttpRequest.newBuilder(URI.create(baseUrl + path))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form(fields))).build(), HttpResponse.BodyHandlers.ofString());
    }

    private static String api(String token, String method, String path, String json, int expected)
            throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(baseUrl + path))
                .header("Authorization", "Bearer " + token).header("Accept", "application/json")
                .timeout(Duration.ofSeconds(60));
        if (json != null) {
            request.header("Content-Type", "application/json");
        }
        request.method(method, json == null ? HttpRequest.BodyPublishers.noBody()
                : HttpRequest.BodyPublishers.ofString(json));
        HttpResponse<String> response = anonymous.send(request.build(), HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as(method + " " + path + ": " + response.body()).isEqualTo(expected);
        return response.body();
    }

    /** The first value of a JSON field (a string or a number) in a document. */
    private static String field(String json, String name) {
        Matcher m = Pattern.compile("\"" + name + "\"\\s*:\\s*\"?([^\",}\\]]+)").matcher(json);
        assertThat(m.find()).as(name + " in " + json).isTrue();
        return m.group(1);
    }

    private static void awaitHealthUp() throws Exception {
        Instant deadline = Instant.now().plus(STARTUP_TIMEOUT);
        while (Instant.now().isBefore(deadline)) {
            if (!application.isAlive()) {
                fail("java -jar exited with status " + application.exitValue() + " before it was healthy:\n"
                        + tail(log));
            }
            try {
                // readiness turns UP once start-up tasks (the first administrator) are done
                if (isUp("/actuator/health/readiness") && isUp("/actuator/health")) {
                    return;
                }
            } catch (IOException notListeningYet) {
                // keep waiting
            }
            Thread.sleep(500);
        }
        fail("java -jar did not report /actuator/health UP within " + STARTUP_TIMEOUT + ":\n" + tail(log));
    }

    private static boolean isUp(String path) throws IOException, InterruptedException {
        HttpResponse<String> health = get(anonymous, path);
        return health.statusCode() == 200 && health.body().contains("\"status\":\"UP\"");
    }

    private static HttpResponse<String> get(HttpClient client, String path) throws IOException, InterruptedException {
        return client.send(HttpRequest.newBuilder(URI.create(baseUrl + path)).header("Accept", "text/html,*/*")
                .timeout(Duration.ofSeconds(30)).GET().build(), HttpResponse.BodyHandlers.ofString());
    }

    private static String form(Map<String, String> fields) {
        return fields.entrySet().stream()
                .map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "="
                        + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            socket.setReuseAddress(true);
            return socket.getLocalPort();
        }
    }

    private static String tail(Path file) {
        try {
            List<String> lines = new ArrayList<>(Files.readAllLines(file));
            return String.join("\n", lines.subList(Math.max(0, lines.size() - 60), lines.size()));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
