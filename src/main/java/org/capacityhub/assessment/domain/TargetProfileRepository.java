package org.capacityhub.assessment.domain;

import java.util.List;

import org.springframework.data.jpa.repository.JpaRepository;

public interface TargetProfileRepository extends JpaRepository<TargetProfile, Long> {

    List<TargetProfile> findAllByOrderByNameAscIdAsc();

    List<TargetProfile> findByFrameworkVersionIdOrderByNameAscIdAsc(long frameworkVersionId);

    List<TargetProfile> findByFrameworkVersionIdAndOrganisationTypeOrderByIdAsc(long frameworkVersionId,
            String organisationType);
}
