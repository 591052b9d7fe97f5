package org.capacityhub.assessment.lookup;

import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Names of organisations and people, read from the directory's tables. A stop-gap: the directory's root package
 * offers access decisions ({@code DirectoryAccess}) but, so far, no way to look organisations and people up by
 * id ({@code Directory} is announced in its package documentation). Read-only, names only; replace with the
 * directory's API once it exists. Access decisions never come from here.
 */
@Component
public class DirectoryNames {

    private final NamedParameterJdbcTemplate jdbc;

    DirectoryNames(NamedParameterJdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** An organisation as shown in choice lists. */
    public record OrganisationName(long id, String name, String acronym) {
        public String label() {
            return acronym == null || acronym.isBlank() ? name : name + " (" + acronym + ")";
        }
    }

    /** A person who can sign in, as shown in choice lists. */
    public record PersonName(long id, String fullName, String positionTitle, String organisationName) {
        public String label() {
            StringBuilder label = new StringBuilder(fullName);
            if (positionTitle != null && !positionTitle.isBlank()) {
                label.append(", ").append(positionTitle);
            }
            if (organisationName != null && !organisationName.isBlank()) {
                label.append(" (").append(organisationName).append(')');
            }
            return label.toString();
        }
    }

    public Optional<OrganisationName> organisation(long id) {
        return organisations(List.of(id)).stream().findFirst();
    }

    public List<OrganisationName> organisations(Collection<Long> ids) {
        if (ids.isEmpty()) {
            return List.of();
        }
        return jdbc.query("select id, name, acronym from organisation where id in (:ids) order by name",
                Map.of("ids", ids), (rs, i) -> new OrganisationName(rs.getLong(1), rs.getString(2), rs.getString(3)));
    }

    public List<OrganisationName> allOrganisations() {
        return jdbc.query("select id, name, acronym from organisation order by name", Map.of(),
                (rs, i) -> new OrganisationName(rs.getLong(1), rs.getString(2), rs.getString(3)));
    }

    /** The demo-data organisation with exactly this name (the first one created, if several). */
    public Optional<Long> demoOrganisationIdByName(String name) {
        return jdbc.queryForList("select id from organisation where name = :name and demo = true order by id",
                Map.of("name", name), Long.class).stream().findFirst();
    }

    public Map<Long, String> personNames(Collection<Long> ids) {
        Map<Long, String> names = new HashMap<>();
        if (!ids.isEmpty()) {
            jdbc.query("select id, full_name from person where id in (:ids)", Map.of("ids", ids),
                    rs -> {
                        names.put(rs.getLong(1), rs.getString(2));
                    });
        }
        return names;
    }

    /** People who have a sign-in account (only they can facilitate on the platform), by name. */
    public List<PersonName> peopleWhoCanSignIn() {
        return jdbc.query("select p.id, p.full_name, p.position_title, o.name from person p "
                + "join user_account a on a.person_id = p.id and a.enabled = true "
                + "left join organisation o on o.id = p.organisation_id order by p.full_name", Map.of(),
                (rs, i) -> new PersonName(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4)));
    }

    /** Of these people, those who exist and have an enabled account. */
    public List<Long> existingPeopleWhoCanSignIn(Collection<Long> ids) {
        if (ids.isEmpty()) {
            return List.of();
        }
        return jdbc.queryForList("select p.id from person p join user_account a on a.person_id = p.id "
                + "and a.enabled = true where p.id in (:ids)", Map.of("ids", ids), Long.class);
    }

    /** A person by e-mail address (for the demo dataset). */
    public Optional<Long> personIdByEmail(String email) {
        return jdbc.queryForList("select id from person where email = :email", Map.of("email", email), Long.class)
                .stream().findFirst();
    }
}
