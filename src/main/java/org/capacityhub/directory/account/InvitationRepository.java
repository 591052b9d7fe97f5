package org.capacityhub.directory.account;

import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

import org.springframework.data.jpa.repository.EntityGraph;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

interface InvitationRepository extends JpaRepository<Invitation, Long> {

    @EntityGraph(attributePaths = "organisation")
    Optional<Invitation> findByTokenHash(String tokenHash);

    @EntityGraph(attributePaths = "organisation")
    List<Invitation> findTop200ByOrderByCreatedAtDesc();

    @EntityGraph(attributePaths = "organisation")
    List<Invitation> findTop200ByOrganisationIdInOrderByCreatedAtDesc(Collection<Long> organisationIds);

    @Query("select count(i) > 0 from Invitation i where i.email = :email and i.acceptedAt is null "
            + "and i.revokedAt is null and i.expiresAt > :now")
    boolean existsPendingFor(String email, Instant now);
}
