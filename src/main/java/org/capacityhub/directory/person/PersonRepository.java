package org.capacityhub.directory.person;

import java.util.Collection;
import java.util.List;
import java.util.Optional;

import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

public interface PersonRepository extends JpaRepository<Person, Long> {

    Optional<Person> findByEmail(String email);

    boolean existsByEmail(String email);

    List<Person> findByOrganisationIdOrderByFullName(Long organisationId);

    List<Person> findByOrganisationIdInOrderByFullName(Collection<Long> organisationIds);

    List<Person> findAllByOrderByFullName();

    List<Person> findByIdInOrderByFullName(Collection<Long> ids);

    long countByOrganisationId(Long organisationId);

    /**
     * People matching {@code pattern} (a lower-case LIKE pattern) in name, e-mail or position: everyone when
     * {@code everyone}, otherwise those of {@code organisationIds} and the person {@code self}.
     */
    @org.springframework.data.jpa.repository.EntityGraph(attributePaths = "organisation")
    @Query(value = """
            select p from Person p left join p.organisation o
            where (:everyone = true or o.id in :organisationIds or p.id = :self)
              and (lower(p.fullName) like :pattern or lower(coalesce(p.email, '')) like :pattern
                   or lower(coalesce(p.positionTitle, '')) like :pattern)
            order by lower(p.fullName), p.id""", countQuery = """
            select count(p) from Person p left join p.organisation o
            where (:everyone = true or o.id in :organisationIds or p.id = :self)
              and (lower(p.fullName) like :pattern or lower(coalesce(p.email, '')) like :pattern
                   or lower(coalesce(p.positionTitle, '')) like :pattern)""")
    Page<Person> search(boolean everyone, Collection<Long> organisationIds, long self, String pattern,
            Pageable pageable);
}
