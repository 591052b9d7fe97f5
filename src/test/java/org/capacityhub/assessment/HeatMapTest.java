package org.capacityhub.assessment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;

import jakarta.persistence.EntityManagerFactory;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.capacityhub.assessment.AssessmentFixtures.Actor;
import org.capacityhub.assessment.domain.AnswerInput;
import org.capacityhub.assessment.domain.Delivery;
import org.capacityhub.assessment.domain.DetailsInput;
import org.capacityhub.assessment.domain.HeatMapService;
import org.capacityhub.assessment.domain.Views;
import org.capacityhub.directory.organisation.Organisation;
import org.capacityhub.directory.organisation.OrganisationType;
import org.capacityhub.directory.programme.Programme;
import org.capacityhub.support.IntegrationTest;
import org.hibernate.SessionFactory;
import org.hibernate.stat.Statistics;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.http.HttpHeaders;
import org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors;
import org.springframework.test.web.servlet.MockMvc;

/**
 * The programme heat map: latest final assessment per member organisation, filters by country and type, CSV and
 * API, coordinators and administrators only, and a number of statements that does not grow with the organisations.
 */
@IntegrationTest
class HeatMapTest {

    @Autowired
    MockMvc mvc;
    @Autowired
    ApplicationContext context;
    @Autowired
    HeatMapService heatMaps;
    @Autowired
    EntityManagerFactory entityManagerFactory;

    AssessmentFixtures fixtures;
    Organisation kenyaMinistry;
    Organisation senegalAgency;
    Organisation notAssessed;
    Actor coordinator;
    Actor member;
    Actor otherCoordinator;
    long programmeId;
    long version;
    Views.Detail newest;

    @BeforeEach
    void setUp() {
        fixtures = new AssessmentFixtures(context);
        kenyaMinistry = fixtures.ministry("Heat Ministry of ICT");
        senegalAgency = fixtures.organisations.save(new Organisation("Heat Agency " + AssessmentFixtures.unique(),
                OrganisationType.AGENCY, "SN"));
        notAssessed = fixtures.ministry("Heat Ministry of Health");
        coordinator = fixtures.coordinatorOf(kenyaMinistry, senegalAgency, notAssessed);
        programmeId = fixtures.programmes.findIdsCoordinatedBy(coordinator.personId()).get(0);
        member = fixtures.person("Member", kenyaMinistry);
        otherCoordinator = fixtures.coordinatorOf(fixtures.ministry("Heat Ministry elsewhere"));
        version = fixtures.govstack().versionId();
        // Kenya: an older final assessment (lowest everywhere), a newer final one (highest on section 1) and a
        // newer draft that must be ignored
        finalAssessment(kenyaMinistry, LocalDate.of(2025, 1, 10), 0, 0);
        long newer = finalAssessment(kenyaMinistry, LocalDate.of(2026, 2, 1), 2, 1);
        fixtures.as(coordinator, () -> fixtures.service.create(kenyaMinistry.getId(), version, details(LocalDate.of(2026, 6, 1))));
        newest = fixtures.as(coordinator, () -> fixtures.service.detail(newer));
        finalAssessment(senegalAgency, LocalDate.of(2026, 1, 5), 1, 1);
    }

    private static DetailsInput details(LocalDate on) {
        return new DetailsInput(on, Delivery.ONLINE, null, "Heat map", new LinkedHashSet<>(), List.of());
    }

    /** A submitted assessment: section 1 at level {@code first}, the others at level {@code others}. */
    private long finalAssessment(Organisation organisation, LocalDate on, int first, int others) {
        return fixtures.as(coordinator, () -> {
            long id = fixtures.service.create(organisation.getId(), version, details(on));
            Views.Detail d = fixtures.service.detail(id);
            for (Views.SectionView s : d.sections()) {
                long level = d.levels().get(Math.min(s.number() == 1 ? first : others, d.levels().size() - 1)).id();
                fixtures.service.answer(id, s.competencyId(), s.version(),
                        new AnswerInput(level, null, List.of(), null, List.of()));
            }
            fixtures.service.submit(id);
            return id;
        });
    }

    @Test
    void thePageShowsTheLatestFinalLevelsAsTextWithFilters() throws Exception {
        String page = mvc.perform(get("/assessments/heat-map").param("programme", String.valueOf(programmeId))
                        .param("version", String.valueOf(version)).with(coordinator.user()))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("<caption>")))
                .andReturn().getResponse().getContentAsString();
        assertThat(page).contains(kenyaMinistry.getName(), senegalAgency.getName(), notAssessed.getName(),
                "href=\"/assessments/" + newest.id() + "/report\"", "scope=\"row\"", "not assessed");
        String highest = newest.levels().get(newest.levels().size() - 1).title();
        String lowest = newest.levels().get(0).title();
        // the Kenyan row: section 1 at the highest level (newer final assessment, not the draft)
        String kenyaRow = page.substring(page.indexOf("data-organisation-id=\"" + kenyaMinistry.getId() + "\""));
        kenyaRow = kenyaRow.substring(0, kenyaRow.indexOf("</tr>"));
        assertThat(kenyaRow).contains(">" + highest + "</td>").contains("data-rank=\"2\"");
        assertThat(kenyaRow).doesNotContain(">" + lowest + "</td>");

        mvc.perform(get("/assessments/heat-map").param("programme", String.valueOf(programmeId))
                        .param("version", String.valueOf(version)).param("country", "SN").with(coordinator.user()))
                .andExpect(content().string(containsString(senegalAgency.getName())))
                .andExpect(content().string(not(containsString(kenyaMinistry.getName()))));
        mvc.perform(get("/assessments/heat-map").param("programme", String.valueOf(programmeId))
                        .param("version", String.valueOf(version)).param("type", "MINISTRY").with(coordinator.user()))
                .andExpect(content().string(containsString(kenyaMinistry.getName())))
                .andExpect(content().string(containsString(notAssessed.getName())))
                .andExpect(content().string(not(containsString(senegalAgency.getName()))));
    }

    @Test
    void aReopenedAssessmentLeavesTheHeatMapUntilItIsSubmittedAgain() {
        fixtures.as(coordinator, () -> {
            fixtures.service.reopen(newest.id(), "A section was misread");
            return null;
        });
        var map = fixtures.as(coordinator, () -> heatMaps.heatMap(programmeId, version, "KE", "MINISTRY"));
        var kenya = map.rows().stream().filter(r -> r.organisationId() == kenyaMinistry.getId()).findFirst()
                .orElseThrow();
        // back to the older final assessment (lowest level everywhere)
        assertThat(kenya.heldOn()).isEqualTo(LocalDate.of(2025, 1, 10));
        assertThat(kenya.cells()).allMatch(c -> c.rank() == 0);
        fixtures.as(coordinator, () -> {
            fixtures.service.submit(newest.id());
            return null;
        });
        var again = fixtures.as(coordinator, () -> heatMaps.heatMap(programmeId, version, "KE", "MINISTRY"));
        assertThat(again.rows().stream().filter(r -> r.organisationId() == kenyaMinistry.getId()).findFirst()
                .orElseThrow().assessmentId()).isEqualTo(newest.id());
    }

    @Test
    void csvAndApiCarryTheSameCells() throws Exception {
        String csv = mvc.perform(get("/assessments/heat-map.csv").param("programme", String.valueOf(programmeId))
                        .param("version", String.valueOf(version)).with(coordinator.user()))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        List<CSVRecord> records = CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).get()
                .parse(new StringReader(csv)).getRecords();
        assertThat(records).hasSize(3);
        CSVRecord kenya = records.stream().filter(r -> r.get("organisation_id").equals(
                String.valueOf(kenyaMinistry.getId()))).findFirst().orElseThrow();
        assertThat(kenya.get("assessment_id")).isEqualTo(String.valueOf(newest.id()));
        assertThat(kenya.get("held_on")).isEqualTo("2026-02-01");
        assertThat(kenya.get(6)).isEqualTo(newest.levels().get(2).title());

        mvc.perform(get("/api/v1/programmes/{p}/heat-map", programmeId).param("frameworkVersion", String.valueOf(version))
                        .param("country", "KE").header(HttpHeaders.AUTHORIZATION, fixtures.bearer(coordinator)))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.rows.length()").value(2))
                .andExpect(jsonPath("$.sections.length()").value(newest.sections().size()));
    }

    @Test
    void onlyTheProgrammesCoordinatorsAndAdministratorsSeeIt() throws Exception {
        for (Actor refused : new Actor[] {member, otherCoordinator}) {
            mvc.perform(get("/assessments/heat-map").param("programme", String.valueOf(programmeId))
                    .param("version", String.valueOf(version)).with(refused.user())).andExpect(status().isForbidden());
            mvc.perform(get("/assessments/heat-map.csv").param("programme", String.valueOf(programmeId))
                    .param("version", String.valueOf(version)).with(refused.user())).andExpect(status().isForbidden());
            mvc.perform(get("/api/v1/programmes/{p}/heat-map", programmeId).param("frameworkVersion", String.valueOf(version))
                    .header(HttpHeaders.AUTHORIZATION, fixtures.bearer(refused))).andExpect(status().isForbidden());
        }
        // a member coordinates nothing: the page says so and shows no heat map
        mvc.perform(get("/assessments/heat-map").with(member.user())).andExpect(status().isOk())
                .andExpect(content().string(containsString("id=\"heat-map-no-programme\"")))
                .andExpect(content().string(not(containsString("id=\"heat-map\""))));
        mvc.perform(get("/api/v1/programmes/{p}/heat-map", Long.MAX_VALUE).param("frameworkVersion", String.valueOf(version))
                .header(HttpHeaders.AUTHORIZATION, fixtures.bearer(coordinator))).andExpect(status().isNotFound());
        mvc.perform(get("/api/v1/programmes/{p}/heat-map", programmeId).param("frameworkVersion", "999999999")
                .header(HttpHeaders.AUTHORIZATION, fixtures.bearer(coordinator))).andExpect(status().isNotFound());
        mvc.perform(get("/assessments/heat-map").param("programme", String.valueOf(programmeId))
                        .param("version", String.valueOf(version))
                        .with(SecurityMockMvcRequestPostProcessors.user(fixtures.users.loadUserByUsername("admin"))))
                .andExpect(status().isOk()).andExpect(content().string(containsString(kenyaMinistry.getName())));
    }

    @Test
    void theNumberOfStatementsDoesNotGrowWithTheOrganisations() {
        List<Organisation> many = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            many.add(fixtures.ministry("Heat Ministry " + i));
        }
        fixtures.transaction.executeWithoutResult(s -> {
            Programme p = fixtures.programmes.findById(programmeId).orElseThrow();
            many.forEach(o -> p.addMember(fixtures.organisations.findById(o.getId()).orElseThrow()));
        });
        for (Organisation o : many) {
            finalAssessment(o, LocalDate.of(2026, 3, 3), 1, 0);
        }
        Statistics statistics = entityManagerFactory.unwrap(SessionFactory.class).getStatistics();
        boolean enabled = statistics.isStatisticsEnabled();
        statistics.setStatisticsEnabled(true);
        try {
            statistics.clear();
            var small = fixtures.as(coordinator, () -> heatMaps.heatMap(programmeId, version, "SN", null));
            long smallCount = statistics.getPrepareStatementCount();
            statistics.clear();
            var large = fixtures.as(coordinator, () -> heatMaps.heatMap(programmeId, version, null, null));
            long largeCount = statistics.getPrepareStatementCount();
            assertThat(small.rows()).hasSize(1);
            assertThat(large.rows()).hasSize(9);
            assertThat(large.assessedCount()).isEqualTo(8);
            // the same statements for 1 organisation as for 9: nothing is loaded per organisation
            assertThat(largeCount).isPositive().isEqualTo(smallCount);
        } finally {
            statistics.setStatisticsEnabled(enabled);
        }
    }
}
