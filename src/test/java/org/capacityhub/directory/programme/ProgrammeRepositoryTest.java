package org.capacityhub.directory.programme;

import static org.assertj.core.api.Assertions.assertThat;

import org.capacityhub.directory.organisation.Organisation;
import org.capacityhub.directory.organisation.OrganisationRepository;
import org.capacityhub.directory.organisation.OrganisationType;
import org.capacityhub.directory.person.Person;
import org.capacityhub.directory.person.PersonRepository;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.data.jpa.test.autoconfigure.DataJpaTest;
import org.springframework.boot.jdbc.test.autoconfigure.AutoConfigureTestDatabase;

/**
 * JPA slice: the queries behind the access rules ("a programme's scope is exactly its member organisations"; a focal
 * point's organisations), on a schema made by the Flyway migrations, in a database of its own.
 */
@DataJpaTest(properties = {
        "spring.datasource.url=jdbc:h2:mem:programme-slice;MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH",
        "spring.jpa.hibernate.ddl-auto=validate",
        // the JPA slice boots Hibernate Search without the library's index location: keep its index in memory
        "spring.jpa.properties.hibernate.search.backend.directory.type=local-heap"})
@AutoConfigureTestDatabase(replace = AutoConfigureTestDatabase.Replace.NONE)
class ProgrammeRepositoryTest {

    @Autowired
    ProgrammeRepository programmes;

    @Autowired
    OrganisationRepository organisations;

    @Autowired
    PersonRepository people;

    @Test
    void aCoordinatorsScopeIsExactlyTheMembersOfTheirProgrammes() {
        Organisation ministry = organisations.save(new Organisation("Ministry of Water", OrganisationType.MINISTRY, "KE"));
        Organisation unit = new Organisation("Water Data Unit", OrganisationType.DEPARTMENT, "KE");
        unit.moveUnder(ministry);
        organisations.save(unit);
        Organisation outsider = organisations.save(new Organisation("Ministry of Roads", OrganisationType.MINISTRY, "KE"));
        Person coordinator = people.save(new Person("Coordinator", "coordinator@example.org", null));
        Person bystander = people.save(new Person("Bystander", "bystander@example.org", ministry));

        Programme programme = new Programme("Water Digital Programme");
        programme.addMember(ministry);
        programme.addCoordinator(coordinator);
        programmes.save(programme);
        Programme other = new Programme("Roads Programme");
        other.addMember(outsider);
        programmes.save(other);

        assertThat(programmes.findMemberIdsOfProgrammesCoordinatedBy(coordinator.getId()))
                .containsExactly(ministry.getId());
        assertThat(programmes.findIdsCoordinatedBy(coordinator.getId())).containsExactly(programme.getId());
        assertThat(programmes.findMemberIdsOfProgrammesCoordinatedBy(bystander.getId())).isEmpty();
    }

    @Test
    void focalPointsAndTheTreeAreReadForTheAccessRules() {
        Organisation ministry = organisations.save(new Organisation("Ministry of Energy", OrganisationType.MINISTRY, "SN"));
        Organisation unit = new Organisation("Grid Unit", OrganisationType.DEPARTMENT, "SN");
        unit.moveUnder(ministry);
        organisations.save(unit);
        Person focal = people.save(new Person("Focal Point", "focal@example.org", ministry));
        ministry.addFocalPoint(focal);
        organisations.flush();

        assertThat(organisations.findIdsWithFocalPoint(focal.getId())).containsExactly(ministry.getId());
        assertThat(organisations.findParentLinks())
                .anySatisfy(link -> assertThat(link).containsExactly(ministry.getId(), null))
                .anySatisfy(link -> assertThat(link).containsExactly(unit.getId(), ministry.getId()));
    }
}
