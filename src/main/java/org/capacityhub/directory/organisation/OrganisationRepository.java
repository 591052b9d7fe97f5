package org.capacityhub.directory.organisation;

import java.util.Collection;
import java.util.List;
import java.util.Optional;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

public interface OrganisationRepository extends JpaRepository<Organisation, Long> {

    List<Organisation> findByParentIdOrderByName(Long parentId);

    List<Organisation> findAllByOrderByName();

    List<Organisation> findByIdInOrderByName(Collection<Long> ids);

    Optional<Organisation> findFirstByNameAndDemoTrueOrderById(String name);

    long countByParentId(Long parentId);

    long countByCountryCodeAndDemoTrue(String countryCode);

    /** Ids of the organisations of which the person is a focal point. */
    @Query("select o.id from Organisation o join o.focalPoints p where p.id = :personId")
    List<Long> findIdsWithFocalPoint(Long personId);

    @Query("select o.id, p.id from Organisation o left join o.parent p")
    List<Object[]> findParentLinks();
}
