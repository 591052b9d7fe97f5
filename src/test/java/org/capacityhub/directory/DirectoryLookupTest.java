package org.capacityhub.directory;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.capacityhub.directory.organisation.Organisation;
import org.capacityhub.directory.person.Person;
import org.capacityhub.support.DirectoryFixtures;
import org.capacityhub.support.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;

/** The directory's lookups for other modules. */
@IntegrationTest
class DirectoryLookupTest {

    @Autowired
    Directory directory;

    @Autowired
    ApplicationContext context;

    @Test
    void looksUpOrganisationsTheirUnitsAndPeople() {
        DirectoryFixtures fixtures = DirectoryFixtures.of(context);
        Organisation ministry = fixtures.ministry("Lookup Ministry");
        Organisation unit = fixtures.unit("Lookup Unit", ministry);
        Organisation subUnit = fixtures.unit("Lookup Sub-unit", unit);
        Person person = fixtures.person("Lookup Person", unit);

        assertThat(directory.organisation(unit.getId())).get().satisfies(o -> {
            assertThat(o.name()).isEqualTo(unit.getName());
            assertThat(o.parentId()).isEqualTo(ministry.getId());
            assertThat(o.type()).isEqualTo("DEPARTMENT");
        });
        assertThat(directory.organisation(987654321L)).isEmpty();
        assertThat(directory.organisationAndUnits(ministry.getId()))
                .containsExactlyInAnyOrder(ministry.getId(), unit.getId(), subUnit.getId());
        assertThat(directory.organisations(List.of(subUnit.getId(), ministry.getId(), 987654321L)))
                .extracting(Directory.OrganisationSummary::id)
                .containsExactlyInAnyOrder(ministry.getId(), subUnit.getId());
        assertThat(directory.person(person.getId())).get()
                .satisfies(p -> assertThat(p.organisationId()).isEqualTo(unit.getId()));
        assertThat(directory.peopleOf(unit.getId())).extracting(Directory.PersonSummary::id)
                .containsExactly(person.getId());
    }
}
