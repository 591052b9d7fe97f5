package org.capacityhub.platform;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

import org.capacityhub.support.DirectoryFixtures;
import org.capacityhub.support.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * Every operation the OpenAPI document lists under {@code /api/v1}, called over real HTTP with the inputs a careless
 * or hostile client sends: ids that do not exist, are not numbers, are too large or negative; query parameters of the
 * wrong type; empty, malformed, wrongly typed and oversized JSON bodies; bodies of the wrong media type; and no
 * credentials at all. Whatever the input, the answer is never a 500, every 4xx is an RFC 9457 problem document with
 * {@code status} and {@code title}, a request without credentials gets a 401 problem document (not the sign-in page),
 * and no body leaks a stack trace. An oversized string value is refused (400), never stored.
 */
@IntegrationTest
class ApiRobustnessTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final String LONG = "x".repeat(100_000);
    private static final Pattern STACK_TRACE = Pattern.compile(
            "Exception|\\bat [a-z][\\w$]*(\\.[\\w$]+)+\\(|\"trace\"|java\\.lang|org\\.hibernate|org\\.springframework");
    /** The English details Spring MVC writes when the application does not word a refusal itself. */
    private static final Pattern SPRING_DEFAULT_DETAIL = Pattern.compile(
            "^(Failed to|Content-Type .* is not supported|Required (parameter|part|request)|Request method|"
                    + "No static resource|Invalid request content|Acceptable representations)");
    /** 999999999 written as "999,999,999" or "999 999 999": an id is not a quantity. */
    private static final Pattern GROUPED_ID = Pattern.compile("999[,.\\s\u00a0\u202f]999[,.\\s\u00a0\u202f]999");
    private static final Set<String> METHODS = Set.of("get", "post", "put", "patch", "delete");
    /** Operations with a side effect unrelated to input that a fuzzer should not trigger as an administrator. */
    private static final Set<String> NOT_CALLED_AS_ADMIN = Set.of("POST /api/v1/library/index/rebuild");
    /** At most this many properties of a body get a wrongly typed value each (keeps the run short). */
    private static final int MAX_WRONG_TYPED_PROPERTIES = 6;

    @LocalServerPort
    int port;
    @Autowired
    ApplicationContext context;

    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .followRedirects(HttpClient.Redirect.NEVER).connectTimeout(Duration.ofSeconds(10)).build();

    private JsonNode document;
    private boolean french;
    /** Records that exist, so that oversized values reach the update itself rather than a 404. */
    private final Map<String, String> realIds = new java.util.HashMap<>();
    private String lastBody = "";

    record Case(String label, String method, String path, String query, String contentType, String body,
            String authorization, boolean oversized) {}

    @Test
    void noOperationAnswersBadInputWithA500AStackTraceOrAPageAndAnonymousCallsGetA401Problem() throws Exception {
        HttpResponse<String> docs = http.send(HttpRequest.newBuilder(uri("/v3/api-docs", null)).GET().build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(docs.statusCode()).isEqualTo(200);
        document = JSON.readTree(docs.body());
        DirectoryFixtures directory = DirectoryFixtures.of(context);
        String admin = directory.bearer(directory.admin());
        var ministry = directory.ministry("Robustness ministry");
        realIds.put("/api/v1/organisations/{id}", String.valueOf(ministry.getId()));
        realIds.put("/api/v1/people/{id}", String.valueOf(directory.person("Robust", ministry).getId()));
        realIds.put("/api/v1/programmes/{id}", String.valueOf(
                directory.programme("Robustness programme", List.of(ministry), List.of()).getId()));

        List<Case> cases = new ArrayList<>();
        int operations = 0;
        for (Map.Entry<String, JsonNode> path : document.get("paths").properties()) {
            if (!path.getKey().startsWith("/api/v1/")) {
                continue;
            }
            for (Map.Entry<String, JsonNode> operation : path.getValue().properties()) {
                if (!METHODS.contains(operation.getKey())) {
                    continue;
                }
                operations++;
                cases.addAll(cases(operation.getKey().toUpperCase(), path.getKey(), operation.getValue(),
                        path.getValue(), admin));
            }
        }
        assertThat(operations).as("operations under /api/v1 in the OpenAPI document").isGreaterThan(50);

        List<String> failures = new ArrayList<>();
        Map<String, Integer> statuses = new java.util.TreeMap<>();
        StringBuilder trace = new StringBuilder();
        for (Case c : cases) {
            String language = french ? "fr" : "en";
            french = !french;
            int status = check(c, language, failures);
            statuses.merge(c.label().replaceAll("wrong type for .*", "wrong type for a property") + " " + status, 1,
                    Integer::sum);
            trace.append(describe(c)).append(' ').append(language).append(" -> ").append(status).append(' ')
                    .append(lastBody).append('\n');
        }
        java.nio.file.Files.writeString(java.nio.file.Path.of("target", "api-robustness.txt"), trace);
        System.out.println("API robustness: " + cases.size() + " requests to " + operations + " operations; "
                + statuses);
        assertThat(failures).as("%d requests to %d operations", cases.size(), operations).isEmpty();
    }

    /** A null deep inside a body (an item of a list, of a nested list) is refused up front, naming the field. */
    @Test
    void aNullItemInsideAListIsA400NamingTheField() throws Exception {
        DirectoryFixtures directory = DirectoryFixtures.of(context);
        String admin = directory.bearer(directory.admin());
        JsonNode errors = refusal(admin, "{\"assessmentId\": 999999999, \"organisationId\": 999999999, "
                + "\"competencyIds\": [null], \"languages\": [\"en\", null]}");
        assertThat(errors.propertyNames()).anySatisfy(f -> assertThat(f).startsWith("languages"))
                .anySatisfy(f -> assertThat(f).startsWith("competencyIds"));
        errors = refusal(admin, "{\"assessmentId\": 999999999, \"organisationId\": 999999999, "
                + "\"languages\": [\"en\"], \"constraints\": {\"modes\": [null]}}");
        assertThat(errors.propertyNames()).containsExactly("constraints.modes[0]");
    }

    private JsonNode refusal(String bearer, String body) throws Exception {
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(uri("/api/v1/plans", null))
                .header("Authorization", bearer).header("Content-Type", "application/json")
                .header("Accept-Language", "en").POST(HttpRequest.BodyPublishers.ofString(body)).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as(response.body()).isEqualTo(400);
        assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(
                t -> assertThat(t).startsWith("application/problem+json"));
        return JSON.readTree(response.body()).path("errors");
    }

    private List<Case> cases(String method, String template, JsonNode operation, JsonNode pathItem, String admin) {
        List<Case> cases = new ArrayList<>();
        List<JsonNode> parameters = new ArrayList<>();
        pathItem.path("parameters").forEach(parameters::add);
        operation.path("parameters").forEach(parameters::add);
        List<JsonNode> pathParameters = parameters.stream().map(this::resolve)
                .filter(p -> "path".equals(p.path("in").asString())).toList();
        List<JsonNode> queryParameters = parameters.stream().map(this::resolve)
                .filter(p -> "query".equals(p.path("in").asString())).toList();
        String wellFormed = path(template, pathParameters, "999999999");
        JsonNode bodySchema = null;
        String bodyType = null;
        JsonNode content = resolve(operation.path("requestBody")).path("content");
        if (content.isObject() && !content.isEmpty()) {
            bodyType = content.properties().iterator().next().getKey();
            if (content.has("application/json")) {
                bodyType = "application/json";
            }
            bodySchema = resolve(content.path(bodyType).path("schema"));
        }
        String plausible = bodySchema == null ? null : JSON.writeValueAsString(plausible(bodySchema, null, 0));
        String plausibleType = "application/json".equals(bodyType) ? bodyType : null;

        // anonymous, and with a token that does not exist: 401 problem, never the sign-in page
        cases.add(new Case("anonymous", method, wellFormed, null, plausibleType, plausibleType == null ? null
                : plausible, null, false));
        cases.add(new Case("unknown token", method, wellFormed, null, null, null, "Bearer chub_not-a-token", false));
        if (NOT_CALLED_AS_ADMIN.contains(method + " " + template)) {
            return cases;
        }

        // path ids: unknown, not a number, too large for a long, negative
        if (!pathParameters.isEmpty()) {
            for (String id : List.of("999999999", "abc", "99999999999999999999999", "-1")) {
                cases.add(new Case("path " + id, method, path(template, pathParameters, id), null, plausibleType,
                        plausibleType == null ? null : plausible, admin, false));
            }
        }
        // query parameters of the wrong type
        if (!queryParameters.isEmpty()) {
            StringBuilder query = new StringBuilder();
            for (JsonNode parameter : queryParameters) {
                query.append(query.isEmpty() ? "" : "&").append(encode(parameter.path("name").asString()))
                        .append('=').append(encode(wrongQueryValue(resolve(parameter.path("schema")))));
            }
            cases.add(new Case("query of wrong types", method, wellFormed, query.toString(), plausibleType,
                    plausibleType == null ? null : plausible, admin, false));
            StringBuilder negative = new StringBuilder();
            for (JsonNode parameter : queryParameters) {
                negative.append(negative.isEmpty() ? "" : "&").append(encode(parameter.path("name").asString()))
                        .append("=-99999999999999999999");
            }
            cases.add(new Case("query of huge negative numbers", method, wellFormed, negative.toString(),
                    plausibleType, plausibleType == null ? null : plausible, admin, false));
        }
        if (bodySchema == null) {
            return cases;
        }
        // bodies: nothing, empty object, array, malformed, wrong media types
        cases.add(new Case("empty body", method, wellFormed, null, "application/json", "", admin, false));
        cases.add(new Case("{}", method, wellFormed, null, "application/json", "{}", admin, false));
        cases.add(new Case("[]", method, wellFormed, null, "application/json", "[]", admin, false));
        cases.add(new Case("null", method, wellFormed, null, "application/json", "null", admin, false));
        cases.add(new Case("a string", method, wellFormed, null, "application/json", "\"x\"", admin, false));
        cases.add(new Case("malformed", method, wellFormed, null, "application/json", "{\"name\": ", admin, false));
        cases.add(new Case("text/plain", method, wellFormed, null, "text/plain", "hello", admin, false));
        cases.add(new Case("application/xml", method, wellFormed, null, "application/xml", "<name>x</name>", admin,
                false));
        if (!"application/json".equals(bodyType)) {
            return cases;
        }
        // each declared property with a value of the wrong type
        JsonNode properties = bodySchema.path("properties");
        int wrongTyped = 0;
        for (Map.Entry<String, JsonNode> property : properties.properties()) {
            if (wrongTyped++ >= MAX_WRONG_TYPED_PROPERTIES) {
                break;
            }
            ObjectNode body = (ObjectNode) JSON.readTree(plausible);
            body.set(property.getKey(), wrongValue(resolve(property.getValue())));
            cases.add(new Case("wrong type for " + property.getKey(), method, wellFormed, null, bodyType,
                    JSON.writeValueAsString(body), admin, false));
        }
        // every property null, and every array holding a null (unwary code dereferences both)
        ObjectNode nulls = JSON.createObjectNode();
        ObjectNode nullItems = (ObjectNode) JSON.readTree(plausible);
        for (Map.Entry<String, JsonNode> property : properties.properties()) {
            nulls.putNull(property.getKey());
            if ("array".equals(type(resolve(property.getValue())))) {
                nullItems.putArray(property.getKey()).addNull();
            }
        }
        cases.add(new Case("null properties", method, wellFormed, null, bodyType, JSON.writeValueAsString(nulls),
                admin, false));
        cases.add(new Case("null array items", method, wellFormed, null, bodyType,
                JSON.writeValueAsString(nullItems), admin, false));
        if (realIds.containsKey(template) && !method.equals("DELETE")) {
            String real = path(template, pathParameters, realIds.get(template));
            cases.add(new Case("null properties on a real record", method, real, null, bodyType,
                    JSON.writeValueAsString(nulls), admin, false));
            cases.add(new Case("null array items on a real record", method, real, null, bodyType,
                    JSON.writeValueAsString(nullItems), admin, false));
        }
        // every string 100,000 characters long, on the existing-looking address and, for creations, for real
        if (JSON.writeValueAsString(plausible(bodySchema, LONG, 0)).length() > plausible.length() + 50_000) {
            String oversized = JSON.writeValueAsString(plausible(bodySchema, LONG, 0));
            cases.add(new Case("100,000-character strings", method, wellFormed, null, bodyType, oversized, admin,
                    pathParameters.isEmpty()));
            if (realIds.containsKey(template) && !method.equals("DELETE")) {
                cases.add(new Case("100,000-character strings on a real record", method,
                        path(template, pathParameters, realIds.get(template)), null, bodyType, oversized, admin, true));
            }
        }
        return cases;
    }

    private int check(Case c, String language, List<String> failures) {
        HttpResponse<String> response;
        try {
            HttpRequest.Builder request = HttpRequest.newBuilder(uri(c.path(), c.query()))
                    .timeout(Duration.ofSeconds(30)).header("Accept-Language", language);
            if (c.authorization() != null) {
                request.header("Authorization", c.authorization());
            }
            if (c.contentType() != null) {
                request.header("Content-Type", c.contentType());
            }
            request.method(c.method(), c.body() == null ? HttpRequest.BodyPublishers.noBody()
                    : HttpRequest.BodyPublishers.ofString(c.body()));
            response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
        } catch (Exception e) {
            failures.add(describe(c) + ": request failed: " + e);
            return -1;
        }
        int status = response.statusCode();
        String body = response.body();
        lastBody = abbreviate(body);
        String type = response.headers().firstValue("Content-Type").orElse("");
        String where = describe(c) + " -> " + status + " " + type + " " + abbreviate(body);
        if (status >= 500) {
            failures.add(where + ": server error");
            return status;
        }
        if (status >= 300 && status < 400) {
            failures.add(where + ": redirect to " + response.headers().firstValue("Location").orElse("?"));
            return status;
        }
        if (STACK_TRACE.matcher(body).find()) {
            failures.add(where + ": leaks implementation details");
        }
        if (c.authorization() == null || c.label().equals("unknown token")) {
            if (status != 401) {
                failures.add(where + ": expected 401 without valid credentials");
                return status;
            }
        }
        if (c.oversized() && status < 300) {
            failures.add(where + ": oversized value accepted");
        }
        if (status >= 400) {
            if (!type.startsWith("application/problem+json")) {
                failures.add(where + ": 4xx is not a problem document");
                return status;
            }
            JsonNode problem;
            try {
                problem = JSON.readTree(body);
            } catch (Exception e) {
                failures.add(where + ": problem document is not JSON");
                return status;
            }
            if (problem.path("status").asInt() != status || problem.path("title").asString("").isBlank()) {
                failures.add(where + ": problem document without matching status or a title");
            }
            String detail = problem.path("detail").asString("");
            if (detail.isBlank()) {
                failures.add(where + ": problem document does not say what was wrong (no detail)");
            } else if (language.equals("fr") && SPRING_DEFAULT_DETAIL.matcher(detail).find()) {
                failures.add(where + ": detail not in the client's language");
            } else if (GROUPED_ID.matcher(detail).find()) {
                failures.add(where + ": an id formatted as a quantity (with thousands separators)");
            }
        }
        return status;
    }

    /** A value of the schema's type that a lenient server would take: strings are {@code string} (or null). */
    private JsonNode plausible(JsonNode schema, String string, int depth) {
        schema = resolve(schema);
        String type = type(schema);
        if (schema.has("enum")) {
            return schema.get("enum").get(0);
        }
        switch (type) {
            case "object": {
                ObjectNode node = JSON.createObjectNode();
                if (depth < 4) {
                    for (Map.Entry<String, JsonNode> p : schema.path("properties").properties()) {
                        node.set(p.getKey(), plausible(p.getValue(), string, depth + 1));
                    }
                }
                return node;
            }
            case "array": {
                var array = JSON.createArrayNode();
                if (string != null && depth < 4) {
                    array.add(plausible(schema.path("items"), string, depth + 1));
                }
                return array;
            }
            case "integer":
                return JSON.getNodeFactory().numberNode(1);
            case "number":
                return JSON.getNodeFactory().numberNode(1.5);
            case "boolean":
                return JSON.getNodeFactory().booleanNode(true);
            default: {
                String format = schema.path("format").asString("");
                if (string != null && format.isEmpty()) {
                    return JSON.getNodeFactory().stringNode(string);
                }
                return JSON.getNodeFactory().stringNode(switch (format) {
                    case "date" -> "2030-01-01";
                    case "date-time" -> "2030-01-01T00:00:00Z";
                    case "email" -> "robust@example.org";
                    case "uri" -> "https://example.org";
                    case "binary" -> "x";
                    default -> "robust " + DirectoryFixtures.unique();
                });
            }
        }
    }

    private JsonNode wrongValue(JsonNode schema) {
        return switch (type(schema)) {
            case "string" -> JSON.readTree("{\"not\": \"a string\"}");
            case "array" -> JSON.getNodeFactory().stringNode("not an array");
            case "object" -> JSON.getNodeFactory().stringNode("not an object");
            case "boolean" -> JSON.getNodeFactory().stringNode("maybe");
            default -> JSON.getNodeFactory().stringNode("not a number");
        };
    }

    private String wrongQueryValue(JsonNode schema) {
        return switch (type(schema)) {
            case "integer", "number" -> "abc";
            case "boolean" -> "maybe";
            case "array" -> "abc,,-1";
            default -> switch (schema.path("format").asString("")) {
                case "date", "date-time" -> "not-a-date";
                default -> schema.has("enum") ? "NOT_A_VALUE" : "\u0000<script>'";
            };
        };
    }

    private String type(JsonNode schema) {
        String type = schema.path("type").asString("");
        if (type.isEmpty() && schema.path("type").isArray() && !schema.path("type").isEmpty()) {
            type = schema.path("type").get(0).asString();
        }
        if (type.isEmpty()) {
            type = schema.has("properties") ? "object" : schema.has("items") ? "array" : "string";
        }
        return type;
    }

    private JsonNode resolve(JsonNode node) {
        int hops = 0;
        while (node != null && node.has("$ref") && hops++ < 10) {
            String ref = node.get("$ref").asString();
            JsonNode target = document;
            for (String part : ref.substring(2).split("/")) {
                target = target.path(part);
            }
            node = target;
        }
        if (node != null && node.has("allOf") && node.get("allOf").size() == 1) {
            return resolve(node.get("allOf").get(0));
        }
        return node;
    }

    private static String path(String template, List<JsonNode> pathParameters, String value) {
        String path = template;
        for (JsonNode parameter : pathParameters) {
            path = path.replace("{" + parameter.path("name").asString() + "}", encode(value));
        }
        return path.replaceAll("\\{[^}]+}", encode(value));
    }

    private URI uri(String path, String query) {
        return URI.create("http://localhost:" + port + path + (query == null ? "" : "?" + query));
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20");
    }

    private static String describe(Case c) {
        return c.method() + " " + c.path() + (c.query() == null ? "" : "?" + abbreviate(c.query())) + " ["
                + c.label() + "]";
    }

    private static String abbreviate(String text) {
        String flat = text == null ? "" : text.replaceAll("\\s+", " ");
        return flat.length() > 300 ? flat.substring(0, 300) + "…" : flat;
    }
}
