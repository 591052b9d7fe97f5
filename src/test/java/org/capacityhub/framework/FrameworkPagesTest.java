package org.capacityhub.framework;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.nio.charset.StandardCharsets;
import java.util.UUID;

import org.capacityhub.directory.account.UserAccount;
import org.capacityhub.directory.account.UserAccountRepository;
import org.capacityhub.directory.person.Person;
import org.capacityhub.directory.person.PersonRepository;
import org.capacityhub.framework.domain.FrameworkService;
import org.capacityhub.framework.exchange.Assembler;
import org.capacityhub.framework.exchange.FrameworkData;
import org.capacityhub.support.IntegrationTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.test.context.TestSecurityContextHolder;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.transaction.support.TransactionTemplate;

/** The pages: list, tree with filter, competency, versions, import with preview, draft editor, and who sees what. */
@IntegrationTest
class FrameworkPagesTest {

    @Autowired
    MockMvc mvc;
    @Autowired
    UserDetailsService users;
    @Autowired
    UserAccountRepository accounts;
    @Autowired
    PersonRepository people;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    FrameworkService service;
    @Autowired
    TransactionTemplate transaction;

    UserDetails admin;
    UserDetails member;

    @BeforeEach
    void users() {
        admin = users.loadUserByUsername("admin");
        String name = "reader-" + UUID.randomUUID().toString().substring(0, 8);
        Person person = people.save(new Person("Reader " + name, name + "@example.org", null));
        accounts.save(new UserAccount(name, person));
        member = users.loadUserByUsername(name);
    }

    @Test
    void everyoneSignedInBrowsesTheBuiltInFrameworks() throws Exception {
        mvc.perform(get("/frameworks").with(user(member))).andExpect(status().isOk())
                .andExpect(content().string(allOf(containsString("GovStack skills assessment"),
                        containsString("UNESCO AI and Digital Transformation Competencies for Civil Servants"),
                        not(containsString("/frameworks/import")))));
        mvc.perform(get("/frameworks/" + Frameworks.GOVSTACK_SKILLS_ASSESSMENT).with(user(member)))
                .andExpect(status().isOk())
                .andExpect(content().string(allOf(containsString("<h1"), containsString("<details"),
                        containsString("Using systems thinking and design thinking"),
                        containsString("Enterprise Architecture)"), containsString("Facilitation guide"),
                        containsString("(Note): For the purposes of this tool"))));
        mvc.perform(get("/frameworks/" + Frameworks.UNESCO_DIGITAL_COMPETENCIES).param("q", "agile").with(user(member)))
                .andExpect(status().isOk())
                .andExpect(content().string(allOf(containsString("agile strategy"), containsString("agile execution"),
                        containsString("2 of 17 items match"), not(containsString("digital literacy")),
                        containsString("hx-trigger=\"input changed delay:400ms, search\""),
                        containsString("hx-select=\"#framework-tree\""))));
    }

    @Test
    void aCompetencyPageShowsDescriptorsSideBySideQuestionsAndCrosswalks() throws Exception {
        FrameworkData govstack = transaction.execute(s -> Assembler.read(service.version(Frameworks.GOVSTACK_SKILLS_ASSESSMENT, null)));
        UUID section1 = govstack.nodes().get(0).identifier();
        mvc.perform(get("/frameworks/" + Frameworks.GOVSTACK_SKILLS_ASSESSMENT + "/items/" + section1).with(user(member)))
                .andExpect(status().isOk())
                .andExpect(content().string(allOf(containsString("(Design and Systems thinking)"),
                        containsString("<th scope=\"col\">Basic</th>"), containsString("<th scope=\"col\">High</th>"),
                        containsString("The Ministry or Agency has the ability to see the whole digital ecosystem."),
                        containsString("Supporting questions"), containsString("systems thinking"),
                        containsString("/frameworks/" + Frameworks.UNESCO_DIGITAL_COMPETENCIES + "/items/"))));
        // in French, with the framework's English text as fallback and the French level names
        mvc.perform(get("/frameworks/" + Frameworks.GOVSTACK_SKILLS_ASSESSMENT + "/items/" + section1)
                        .with(user(member)).header("Accept-Language", "fr"))
                .andExpect(status().isOk())
                .andExpect(content().string(allOf(containsString("Descripteurs par niveau"),
                        containsString("<th scope=\"col\">Élémentaire</th>"),
                        containsString("Using systems thinking and design thinking"))));
        mvc.perform(get("/frameworks/" + Frameworks.GOVSTACK_SKILLS_ASSESSMENT + "/versions").with(user(member)))
                .andExpect(status().isOk());
    }

    @Test
    void aMemberCannotImportOrEdit() throws Exception {
        mvc.perform(get("/frameworks/import").with(user(member))).andExpect(status().isForbidden());
        mvc.perform(multipart("/frameworks/import").file(new MockMultipartFile("file", "x.csv", "text/csv",
                "code,title\r\nA,Area\r\n".getBytes())).with(user(member)).with(csrf())).andExpect(status().isForbidden());
        mvc.perform(post("/frameworks/" + Frameworks.GOVSTACK_SKILLS_ASSESSMENT + "/edit").with(user(member)).with(csrf()))
                .andExpect(status().isForbidden());
    }

    @Test
    void importShowsAPreviewAndCreatesNothingUntilConfirmed() throws Exception {
        MockHttpSession session = new MockHttpSession();
        String title = "Preview test " + UUID.randomUUID();
        String csv = "#title=" + title + "\r\ncode,parent_code,title,level:Basic,level:High\r\n"
                + "A,,Area,,\r\nA.1,A,Listening,Listens,Listens and summarises\r\n";
        String before = FrameworkTestSupport.counts(jdbc);
        String location = mvc.perform(multipart("/frameworks/import")
                        .file(new MockMultipartFile("file", "test.csv", "text/csv", csv.getBytes(StandardCharsets.UTF_8)))
                        .session(session).with(user(admin)).with(csrf()))
                .andExpect(status().is3xxRedirection()).andReturn().getResponse().getRedirectedUrl();
        mvc.perform(get(location).session(session).with(user(admin))).andExpect(status().isOk())
                .andExpect(content().string(allOf(containsString(title), containsString("Listening"),
                        containsString("Basic, High"), containsString("Preview of the import"))));
        assertThat(FrameworkTestSupport.counts(jdbc)).isEqualTo(before);
        String created = mvc.perform(post(location).param("publish", "true").session(session).with(user(admin)).with(csrf()))
                .andExpect(status().is3xxRedirection()).andReturn().getResponse().getRedirectedUrl();
        assertThat(FrameworkTestSupport.counts(jdbc)).isNotEqualTo(before);
        mvc.perform(get(created).with(user(member))).andExpect(status().isOk())
                .andExpect(content().string(containsString("Listening")));
    }

    @Test
    void aBadFileIsRefusedBesideTheFileField() throws Exception {
        String before = FrameworkTestSupport.counts(jdbc);
        mvc.perform(multipart("/frameworks/import")
                        .file(new MockMultipartFile("file", "bad.json", "application/json", "{\"CFDocument\": [".getBytes()))
                        .with(user(admin)).with(csrf()))
                .andExpect(status().isOk())
                .andExpect(content().string(allOf(containsString("is-invalid"), containsString("id=\"file-error\""),
                        containsString("not valid JSON"))));
        mvc.perform(multipart("/frameworks/import")
                        .file(new MockMultipartFile("file", "notes.txt", "text/plain", "hello".getBytes()))
                        .with(user(admin)).with(csrf()))
                .andExpect(status().isOk()).andExpect(content().string(containsString("not text/plain")));
        assertThat(FrameworkTestSupport.counts(jdbc)).isEqualTo(before);
    }

    @Test
    void theEditorChangesADraftAndPublishesItWithoutTouchingThePublishedVersion() throws Exception {
        TestSecurityContextHolder.clearContext();
        UUID id = transaction.execute(s -> {
            org.springframework.security.core.context.SecurityContextHolder.getContext().setAuthentication(
                    new org.springframework.security.authentication.UsernamePasswordAuthenticationToken(admin, null,
                            admin.getAuthorities()));
            try {
                return service.create(FrameworkVersioningTest.sample("Editor " + UUID.randomUUID()), true, false).identifier();
            } finally {
                org.springframework.security.core.context.SecurityContextHolder.clearContext();
            }
        });
        FrameworkData published = transaction.execute(s -> Assembler.read(service.version(id, 1)));
        UUID item = published.nodes().get(1).identifier();
        mvc.perform(post("/frameworks/" + id + "/edit").with(user(admin)).with(csrf()))
                .andExpect(status().is3xxRedirection());
        mvc.perform(get("/frameworks/" + id + "/edit").with(user(admin))).andExpect(status().isOk())
                .andExpect(content().string(containsString("Draft version 2")));
        mvc.perform(post("/frameworks/" + id + "/edit/items/" + item).with(user(admin)).with(csrf())
                        .param("code", "A.1").param("title_en", "Competency").param("title_fr", "Compétence révisée")
                        .param("level_" + published.scale().levels().get(0).identifier() + "_en", "First\nSecond"))
                .andExpect(status().is3xxRedirection());
        // a title emptied in the framework's language is refused beside the field
        mvc.perform(post("/frameworks/" + id + "/edit/items/" + item).with(user(admin)).with(csrf())
                        .param("title_en", ""))
                .andExpect(status().isOk()).andExpect(content().string(containsString("id=\"title-error\"")));
        mvc.perform(post("/frameworks/" + id + "/edit/publish").with(user(admin)).with(csrf()))
                .andExpect(status().is3xxRedirection());

        FrameworkData v1 = transaction.execute(s -> Assembler.read(service.version(id, 1)));
        FrameworkData v2 = transaction.execute(s -> Assembler.read(service.version(id, 2)));
        assertThat(v1).isEqualTo(published);
        assertThat(v2.nodes().get(1).title().get("fr")).isEqualTo("Compétence révisée");
        assertThat(v2.nodes().get(1).descriptors()).extracting(d -> d.text().get("en")).contains("First", "Second");
        mvc.perform(get("/frameworks/" + id + "/versions").with(user(member))).andExpect(status().isOk())
                .andExpect(content().string(allOf(containsString("Changed"), containsString("descriptors"))));
    }
}
