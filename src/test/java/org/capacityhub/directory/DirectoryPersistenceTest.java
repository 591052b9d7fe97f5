package org.capacityhub.directory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;

import org.capacityhub.directory.organisation.Organisation;
import org.capacityhub.directory.organisation.OrganisationRepository;
import org.capacityhub.directory.organisation.OrganisationType;
import org.capacityhub.directory.person.Person;
import org.capacityhub.directory.person.PersonRepository;
import org.capacityhub.directory.programme.Programme;
import org.capacityhub.directory.programme.ProgrammeRepository;
import org.capacityhub.support.DirectoryFixtures;
import org.capacityhub.support.IntegrationTest;
import org.capacityhub.support.PostgresIntegrationTest;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.transaction.support.TransactionTemplate;

/** The directory's tables on both the embedded and the production database. */
class DirectoryPersistenceTest {

    abstract static class Contract {

        @Autowired
        OrganisationRepository organisations;

        @Autowired
        PersonRepository people;

        @Autowired
        ProgrammeRepository programmes;

        @Autowired
        TransactionTemplate transaction;

        @Test
        void anOrganisationTreeOfAnyDepthIsStoredAndReadBack() {
            String suffix = DirectoryFixtures.unique();
            Long leafId = transaction.execute(s -> {
                Organisation parent = null;
                for (int depth = 0; depth < 5; depth++) {
                    Organisation o = new Organisation("Level " + depth + " " + suffix,
                            depth == 0 ? OrganisationType.MINISTRY : OrganisationType.DEPARTMENT, "KE");
                    o.moveUnder(parent);
                    parent = organisations.save(o);
                }
                return parent.getId();
            });
            List<String> path = transaction.execute(s -> {
                List<String> names = new java.util.ArrayList<>();
                for (Organisation o = organisations.findById(leafId).orElseThrow(); o != null; o = o.getParent()) {
                    names.add(o.getName());
                }
                return names;
            });
            assertThat(path).containsExactly("Level 4 " + suffix, "Level 3 " + suffix, "Level 2 " + suffix,
                    "Level 1 " + suffix, "Level 0 " + suffix);
        }

        @Test
        void programmeMembershipAndCoordinatorsAreStored() {
            String suffix = DirectoryFixtures.unique();
            Long id = transaction.execute(s -> {
                Organisation a = organisations.save(new Organisation("Member A " + suffix, OrganisationType.MINISTRY, "KE"));
                Organisation b = organisations.save(new Organisation("Member B " + suffix, OrganisationType.AGENCY, "SN"));
                Person coordinator = people.save(new Person("Coordinator " + suffix, "c." + suffix + "@test.example", a));
                Programme programme = new Programme("Stored programme " + suffix);
                programme.coverCountries(List.of("KE", "SN"));
                programme.addMember(a);
                programme.addMember(b);
                programme.addCoordinator(coordinator);
                return programmes.save(programme).getId();
            });
            transaction.executeWithoutResult(s -> {
                Programme programme = programmes.findById(id).orElseThrow();
                assertThat(programme.getMembers()).extracting(Organisation::getName)
                        .containsExactlyInAnyOrder("Member A " + suffix, "Member B " + suffix);
                assertThat(programme.getCountries()).containsExactly("KE", "SN");
                Long coordinatorPersonId = programme.getCoordinators().iterator().next().getId();
                assertThat(programmes.findMemberIdsOfProgrammesCoordinatedBy(coordinatorPersonId)).hasSize(2);
            });
        }

        @Test
        void theDatabaseRefusesADuplicateEmail() {
            String email = "unique." + DirectoryFixtures.unique() + "@test.example";
            transaction.executeWithoutResult(s -> people.save(new Person("First", email, null)));
            assertThatThrownBy(() -> transaction.executeWithoutResult(s ->
                    people.saveAndFlush(new Person("Second", email, null))))
                    .isInstanceOf(DataIntegrityViolationException.class);
            assertThat(people.findByEmail(email)).get().extracting(Person::getFullName).isEqualTo("First");
            // People without an address do not clash.
            transaction.executeWithoutResult(s -> {
                people.save(new Person("No address 1", null, null));
                people.saveAndFlush(new Person("No address 2", null, null));
            });
        }
        @Test
        void theDirectoryQueriesRunOnThisDatabase() {
            String suffix = DirectoryFixtures.unique();
            long[] ids = transaction.execute(s -> {
                Organisation a = organisations.save(new Organisation("Query A " + suffix, OrganisationType.MINISTRY, "KE"));
                Organisation b = organisations.save(new Organisation("Query B " + suffix, OrganisationType.MINISTRY, "KE"));
                Organisation unit = new Organisation("Query Unit " + suffix, OrganisationType.DEPARTMENT, "KE");
                unit.moveUnder(a);
                organisations.save(unit);
                Person inA = people.save(new Person("Query Person " + suffix, "q." + suffix + "@test.example", a));
                people.save(new Person("Query Other " + suffix, null, b));
                Programme programme = new Programme("Query programme " + suffix);
                programme.addMember(a);
                programmes.save(programme);
                return new long[] {a.getId(), b.getId(), inA.getId()};
            });
            transaction.executeWithoutResult(s -> {
                var onlyA = people.search(false, java.util.Set.of(ids[0]), -1L, "%query%" + suffix + "%",
                        org.springframework.data.domain.PageRequest.of(0, 10));
                assertThat(onlyA.getContent()).extracting(Person::getId).containsExactly(ids[2]);
                assertThat(onlyA.getTotalElements()).isEqualTo(1);
                var everyone = people.search(true, java.util.Set.of(-1L), -1L, "%" + suffix + "%",
                        org.springframework.data.domain.PageRequest.of(0, 10));
                assertThat(everyone.getTotalElements()).isEqualTo(2);
                assertThat(organisations.countByParentId(ids[0])).isEqualTo(1);
                assertThat(programmes.findByMember(ids[0])).hasSize(1);
                assertThat(programmes.findByMember(ids[1])).isEmpty();
            });
        }
    }

    @Nested
    @IntegrationTest
    class OnH2 extends Contract {
    }

    @Nested
    @PostgresIntegrationTest
    class OnPostgres extends Contract {
    }
}
