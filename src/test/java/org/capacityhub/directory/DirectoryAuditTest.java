package org.capacityhub.directory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.capacityhub.support.DirectoryFixtures.as;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.List;
import java.util.Map;

import org.capacityhub.directory.organisation.Organisation;
import org.capacityhub.directory.organisation.OrganisationRepository;
import org.capacityhub.support.DirectoryFixtures;
import org.capacityhub.support.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.servlet.MockMvc;

/** Directory changes made through the pages and the API leave audit entries saying who, how and what. */
@IntegrationTest
class DirectoryAuditTest {

    @Autowired
    MockMvc mvc;

    @Autowired
    ApplicationContext context;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    OrganisationRepository organisations;

    private List<Map<String, Object>> entries(String type, long id) {
        return jdbc.queryForList("select actor, channel, action, changes from audit_entry "
                + "where entity_type = ? and entity_id = ? order by id", type, Long.toString(id));
    }

    @Test
    void pageAndApiChangesAreAudited() throws Exception {
        DirectoryFixtures fixtures = DirectoryFixtures.of(context);
        var admin = fixtures.admin();
        String name = "Audited Ministry " + DirectoryFixtures.unique();
        mvc.perform(post("/organisations").param("name", name).param("type", "MINISTRY").param("countryCode", "KE")
                .with(csrf()).with(as(admin)))
                .andExpect(status().is3xxRedirection());
        Organisation created = organisations.findAllByOrderByName().stream().filter(o -> o.getName().equals(name))
                .findFirst().orElseThrow();
        mvc.perform(put("/api/v1/organisations/{id}", created.getId()).header("Authorization", fixtures.bearer(admin))
                .contentType(MediaType.APPLICATION_JSON).content("""
                        {"name": "%s renamed", "type": "MINISTRY", "countryCode": "KE"}""".formatted(name)))
                .andExpect(status().isOk());

        List<Map<String, Object>> entries = entries("Organisation", created.getId());
        assertThat(entries).hasSize(2);
        assertThat(entries.get(0)).containsEntry("actor", "admin").containsEntry("channel", "PAGE")
                .containsEntry("action", "CREATE");
        assertThat(entries.get(1)).containsEntry("actor", "admin").containsEntry("channel", "API")
                .containsEntry("action", "UPDATE");
        assertThat((String) entries.get(1).get("changes")).contains(name).contains(name + " renamed");
    }
}
