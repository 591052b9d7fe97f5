package org.capacityhub.directory.account;

import java.util.Optional;

import org.springframework.data.jpa.repository.JpaRepository;

public interface UserAccountRepository extends JpaRepository<UserAccount, Long> {

    Optional<UserAccount> findByUsername(String username);

    Optional<UserAccount> findByPersonId(Long personId);

    Optional<UserAccount> findByOidcSubject(String subject);

    boolean existsByAdministratorTrue();

    boolean existsByUsername(String username);

    @org.springframework.data.jpa.repository.Query(
            "select o.id from Person p join p.organisation o where p.id = :personId")
    Long findOrganisationIdOfPerson(Long personId);
}
