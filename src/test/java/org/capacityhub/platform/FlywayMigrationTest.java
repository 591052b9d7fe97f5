package org.capacityhub.platform;

import static org.assertj.core.api.Assertions.assertThat;

import org.capacityhub.support.IntegrationTest;
import org.capacityhub.support.PostgresIntegrationTest;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/** Flyway ran, and left the schema Hibernate validates against, on both the embedded and production databases. */
class FlywayMigrationTest {

    abstract static class Contract {

        @Autowired
        Flyway flyway;

        @Autowired
        JdbcTemplate jdbc;

        abstract String expectedProduct();

        @Test
        void everyMigrationWasApplied() {
            assertThat(flyway.info().pending()).isEmpty();
            assertThat(flyway.info().applied()).isNotEmpty()
                    .allSatisfy(m -> assertThat(m.getState().isApplied()).isTrue());
            Integer successful = jdbc.queryForObject(
                    "select count(*) from flyway_schema_history where success = true and version is not null", Integer.class);
            assertThat(successful).isEqualTo(flyway.info().applied().length);
        }

        @Test
        void runsOnTheExpectedDatabase() {
            String product = jdbc.execute((java.sql.Connection c) -> c.getMetaData().getDatabaseProductName());
            assertThat(product).isEqualTo(expectedProduct());
        }
    }

    @Nested
    @IntegrationTest
    class OnH2 extends Contract {
        @Override
        String expectedProduct() {
            return "H2";
        }
    }

    @Nested
    @PostgresIntegrationTest
    class OnPostgres extends Contract {
        @Override
        String expectedProduct() {
            return "PostgreSQL";
        }
    }
}
