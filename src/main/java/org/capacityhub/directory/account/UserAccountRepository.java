package org.capacityhub.directory.account;

import java.util.Collection;
import java.util.List;
import java.util.Optional;

import org.capacityhub.directory.person.Person;

import org.springframework.data.jpa.repository.JpaRepository;

public interface UserAccountRepository extends JpaRepository<UserAccount, Long> {

    Optional<UserAccount> findByUsername(String username);

    Optional<UserAccount> findByPersonId(Long personId);

    Optional<UserAccount> findByOidcSubject(String subject);

    boolean existsByAdministratorTrue();

    boolean existsByUsername(String username);

    /** People with an enabled account (those who can sign in), by name. */
    @org.springframework.data.jpa.repository.Query(
            "select p from UserAccount a join a.person p where a.enabled = true order by lower(p.fullName), p.id")
    List<Person> findPeopleWhoCanSignIn();

    /** Of these people, the ids of those with an enabled account. */
    @org.springframework.data.jpa.repository.Query(
            "select p.id from UserAccount a join a.person p where a.enabled = true and p.id in :personIds")
    List<Long> findIdsOfPeopleWhoCanSignIn(Collection<Long> personIds);

    @org.springframework.data.jpa.repository.Query(
            "select o.id from Person p join p.organisation o where p.id = :personId")
    Long findOrganisationIdOfPerson(Long personId);
}
