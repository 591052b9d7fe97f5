package org.capacityhub.framework;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import java.util.UUID;

import org.capacityhub.framework.domain.FrameworkService;
import org.capacityhub.framework.domain.FrameworkVersionRepository;
import org.capacityhub.framework.domain.Texts;
import org.capacityhub.framework.exchange.Assembler;
import org.capacityhub.framework.exchange.BuiltInFrameworks;
import org.capacityhub.framework.exchange.FrameworkData;
import org.capacityhub.platform.ConflictException;
import org.capacityhub.support.PostgresIntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.test.context.support.WithUserDetails;
import org.springframework.transaction.support.TransactionTemplate;

/** The frameworks' persistence on a real PostgreSQL: migrations, UUIDs, JSON texts in UTF-8, immutability. */
@PostgresIntegrationTest
@WithUserDetails("admin")
class FrameworkPostgresTest {

    @Autowired
    FrameworkService service;
    @Autowired
    FrameworkVersionRepository versions;
    @Autowired
    TransactionTemplate transaction;

    @Test
    void builtInFrameworksAndATranslatedFrameworkRoundTripThroughPostgres() {
        for (String resource : BuiltInFrameworks.RESOURCES) {
            FrameworkData expected = BuiltInFrameworks.read(resource);
            FrameworkData stored = transaction.execute(s -> Assembler.read(service.version(expected.identifier(), 1)));
            assertThat(stored).isEqualTo(expected);
        }
        FrameworkData sample = FrameworkVersioningTest.sample("Postgres « é ü 中文 » " + UUID.randomUUID());
        UUID id = service.create(sample, true, false).identifier();
        FrameworkData stored = transaction.execute(s -> Assembler.read(service.version(id, 1)));
        assertThat(stored).isEqualTo(sample);
    }

    @Test
    void aPublishedVersionRefusesChangesOnPostgresToo() {
        UUID id = service.create(FrameworkVersioningTest.sample("Immutable pg " + UUID.randomUUID()), true, false)
                .identifier();
        assertThatThrownBy(() -> transaction.executeWithoutResult(s ->
                versions.findAllOf(id).get(0).getNodes().get(0).setTitle(Texts.of(Map.of("en", "Changed")))))
                .isInstanceOf(ConflictException.class);
    }
}
