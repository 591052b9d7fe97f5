package org.capacityhub.directory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.capacityhub.support.DirectoryFixtures.as;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.capacityhub.directory.organisation.Organisation;
import org.capacityhub.directory.person.Person;
import org.capacityhub.directory.programme.Programme;
import org.capacityhub.support.DirectoryFixtures;
import org.capacityhub.support.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.RequestBuilder;

/**
 * The directory's pages keep the structure assistive technologies rely on: one h1, a label for every field, errors
 * linked to their field, headed table columns, no empty buttons. (The browser test runs axe-core on top.)
 */
@IntegrationTest
class DirectoryPageStructureTest {

    private static final Pattern FIELD = Pattern.compile("<(input|select|textarea)\\b([^>]*)>");
    private static final Pattern ID = Pattern.compile("\\bid=\"([^\"]+)\"");
    private static final Pattern DESCRIBED = Pattern.compile("aria-describedby=\"([^\"]+)\"");
    private static final Pattern BUTTON = Pattern.compile("<button\\b([^>]*)>(.*?)</button>", Pattern.DOTALL);

    @Autowired
    MockMvc mvc;

    @Autowired
    ApplicationContext context;

    @Test
    void everyDirectoryPageIsWellStructured() throws Exception {
        DirectoryFixtures fixtures = DirectoryFixtures.of(context);
        Organisation ministry = fixtures.ministry("Structured Ministry");
        fixtures.unit("Structured Unit", ministry);
        Person person = fixtures.person("Structured Person", ministry);
        Programme programme = fixtures.programme("Structured Programme", List.of(ministry), List.of(person));
        var admin = fixtures.admin();
        List<RequestBuilder> pages = List.of(
                get("/organisations").with(as(admin)),
                get("/organisations/{id}", ministry.getId()).with(as(admin)),
                get("/organisations/new").with(as(admin)),
                get("/organisations/{id}/edit", ministry.getId()).with(as(admin)),
                post("/organisations").param("name", "").param("countryCode", "QQ").with(csrf()).with(as(admin)),
                get("/people").with(as(admin)),
                get("/people/{id}", person.getId()).with(as(admin)),
                get("/people/new").with(as(admin)),
                post("/people").param("fullName", "x").param("email", "not-an-address").with(csrf()).with(as(admin)),
                get("/programmes").with(as(admin)),
                get("/programmes/{id}", programme.getId()).with(as(admin)),
                get("/programmes/new").with(as(admin)),
                post("/programmes").param("name", "").with(csrf()).with(as(admin)));
        for (RequestBuilder page : pages) {
            String html = mvc.perform(page).andReturn().getResponse().getContentAsString();
            String where = html.substring(html.indexOf("<title>"), html.indexOf("</title>"));
            assertThat(html.split("<h1", -1)).as("one h1 in %s", where).hasSize(2);
            Matcher field = FIELD.matcher(html);
            while (field.find()) {
                String attributes = field.group(2);
                if (attributes.contains("type=\"hidden\"")) {
                    continue;
                }
                Matcher id = ID.matcher(attributes);
                assertThat(id.find()).as("field with an id in %s: %s", where, attributes).isTrue();
                assertThat(html).as("label for %s in %s", id.group(1), where)
                        .contains("for=\"" + id.group(1) + "\"");
                Matcher described = DESCRIBED.matcher(attributes);
                if (described.find()) {
                    for (String target : described.group(1).split(" ")) {
                        assertThat(html).as("described-by target %s in %s", target, where)
                                .contains("id=\"" + target + "\"");
                    }
                }
                if (attributes.contains("aria-invalid=\"true\"")) {
                    assertThat(attributes).as("invalid field linked to its error in %s", where)
                            .contains("-error");
                }
            }
            Matcher button = BUTTON.matcher(html);
            while (button.find()) {
                String text = button.group(1).contains("aria-label=\"") ? "labelled"
                        : button.group(2).replaceAll("<[^>]+>", "").strip();
                assertThat(text).as("button text in %s", where).isNotEmpty();
            }
            assertThat(html.contains("<th>")).as("th without scope in %s", where).isFalse();
        }
    }
}
