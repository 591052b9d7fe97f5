package org.capacityhub.platform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import org.capacityhub.support.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.health.actuate.endpoint.HealthEndpointGroups;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.boot.health.contributor.Status;
import org.springframework.boot.health.registry.HealthContributorRegistry;
import org.springframework.boot.jdbc.health.DataSourceHealthIndicator;
import org.springframework.test.json.JsonCompareMode;
import org.springframework.test.web.servlet.MockMvc;

/**
 * {@code /actuator/health} is public, says only UP or DOWN, and its UP includes the database being ready (the
 * DataSource health indicator runs a validation query on every call).
 */
@IntegrationTest
class HealthTest {

    /** The status and the names of the probe groups; no components, no details. */
    private static final String UP_WITHOUT_DETAILS = "{\"status\":\"UP\",\"groups\":[\"liveness\",\"readiness\"]}";

    @Autowired
    MockMvc mvc;

    @Autowired
    HealthContributorRegistry healthContributors;

    @Autowired
    HealthEndpointGroups healthGroups;

    @Test
    void anonymousMonitoringGetsTheStatusAndNoDetails() throws Exception {
        mvc.perform(get("/actuator/health"))
                .andExpect(status().isOk())
                .andExpect(content().json(UP_WITHOUT_DETAILS, JsonCompareMode.STRICT));
    }

    @Test
    void evenAnAdministratorSeesNoDetails() throws Exception {
        mvc.perform(get("/actuator/health").with(user("admin").roles("USER", "ADMIN")))
                .andExpect(status().isOk())
                .andExpect(content().json(UP_WITHOUT_DETAILS, JsonCompareMode.STRICT));
    }

    @Test
    void theOverallStatusIncludesTheDatabase() {
        assertThat(healthContributors.getContributor("db")).isInstanceOf(DataSourceHealthIndicator.class);
        assertThat(((HealthIndicator) healthContributors.getContributor("db")).health().getStatus())
                .isEqualTo(Status.UP);
        assertThat(healthGroups.getPrimary().isMember("db")).as("/actuator/health includes the database").isTrue();
        assertThat(healthGroups.get("readiness").isMember("db")).as("readiness includes the database").isTrue();
        assertThat(healthGroups.get("liveness").isMember("db")).as("liveness must not restart for a database outage")
                .isFalse();
    }

    @Test
    void kubernetesStyleProbesArePublicToo() throws Exception {
        mvc.perform(get("/actuator/health/liveness")).andExpect(status().isOk())
                .andExpect(content().json("{\"status\":\"UP\"}", JsonCompareMode.STRICT));
        mvc.perform(get("/actuator/health/readiness")).andExpect(status().isOk())
                .andExpect(content().json("{\"status\":\"UP\"}", JsonCompareMode.STRICT));
    }

    @Test
    void otherActuatorEndpointsAreNotPublic() throws Exception {
        mvc.perform(get("/actuator/env")).andExpect(status().is3xxRedirection());
        mvc.perform(get("/actuator/info")).andExpect(status().is3xxRedirection());
    }
}
