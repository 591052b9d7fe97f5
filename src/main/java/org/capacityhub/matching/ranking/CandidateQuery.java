package org.capacityhub.matching.ranking;

import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import javax.sql.DataSource;

import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;

/**
 * Reads the offers on some competencies, with what the score needs of each profile, in one query (the profiles'
 * lists of languages, roles and formats are parsed once per distinct value).
 */
public class CandidateQuery {

    private static final String OFFERS = """
            select p.id, p.owner_kind, p.person_id, p.organisation_id, p.display_name, p.languages, p.country_code,
                   p.time_zone, p.visibility, p.committed_hours, p.rating_sum, p.rating_count, e.competency_id,
                   e.competency_identifier, e.knows_rank, e.scale_size, e.offer_roles, e.offer_hours, e.offer_formats
            from matching_entry e join matching_profile p on p.id = e.profile_id
            where e.offer_roles is not null and e.competency_identifier in (:identifiers)
            """;

    private final NamedParameterJdbcTemplate jdbc;
    private final Map<String, List<String>> languageLists = new ConcurrentHashMap<>();
    private final Map<String, Set<Role>> roleSets = new ConcurrentHashMap<>();
    private final Map<String, Set<Format>> formatSets = new ConcurrentHashMap<>();
    private final Map<String, Integer> offsets = new ConcurrentHashMap<>();
    private volatile long offsetsDay = -1;

    public CandidateQuery(DataSource dataSource) {
        this.jdbc = new NamedParameterJdbcTemplate(dataSource);
    }

    /** Every offer on one of these competencies (by CASE identifier). */
    public List<Candidate> offersOn(Collection<String> identifiers) {
        if (identifiers.isEmpty()) {
            return List.of();
        }
        return read(OFFERS, new MapSqlParameterSource("identifiers", identifiers));
    }

    /** Every offer. */
    public List<Candidate> allOffers() {
        return read(OFFERS.replace("and e.competency_identifier in (:identifiers)", ""), new MapSqlParameterSource());
    }

    private List<Candidate> read(String sql, MapSqlParameterSource parameters) {
        long day = Instant.now().getEpochSecond() / 86_400;
        if (day != offsetsDay) { // offsets change with daylight saving time: recompute daily
            offsets.clear();
            offsetsDay = day;
        }
        List<Candidate> result = new ArrayList<>();
        jdbc.query(sql, parameters, rs -> {
            Long person = rs.getLong(3);
            if (rs.wasNull()) {
                person = null;
            }
            Long organisation = rs.getLong(4);
            if (rs.wasNull()) {
                organisation = null;
            }
            Integer knows = rs.getInt(15);
            if (rs.wasNull()) {
                knows = null;
            }
            Integer hours = rs.getInt(18);
            if (rs.wasNull()) {
                hours = null;
            }
            result.add(new Candidate(rs.getLong(1), "ORGANISATION".equals(rs.getString(2)), person, organisation,
                    rs.getString(5), languages(rs.getString(6)), rs.getString(7), offset(rs.getString(8)),
                    Visibility.valueOf(rs.getString(9)), rs.getInt(10), rs.getInt(11), rs.getInt(12), rs.getLong(13),
                    rs.getString(14), knows, rs.getInt(16), roles(rs.getString(17)), hours,
                    formats(rs.getString(19))));
        });
        return result;
    }

    private List<String> languages(String list) {
        return languageLists.computeIfAbsent(list == null ? "" : list, CandidateQuery::split);
    }

    private Set<Role> roles(String list) {
        return roleSets.computeIfAbsent(list == null ? "" : list, l -> {
            EnumSet<Role> set = EnumSet.noneOf(Role.class);
            split(l).forEach(r -> set.add(Role.valueOf(r)));
            return Set.copyOf(set);
        });
    }

    private Set<Format> formats(String list) {
        return formatSets.computeIfAbsent(list == null ? "" : list, l -> {
            EnumSet<Format> set = EnumSet.noneOf(Format.class);
            split(l).forEach(f -> set.add(Format.valueOf(f)));
            return Set.copyOf(set);
        });
    }

    private Integer offset(String zone) {
        if (zone == null) {
            return null;
        }
        return offsets.computeIfAbsent(zone, CandidateQuery::offsetNow);
    }

    /** The UTC offset of a time zone now, in minutes. */
    public static Integer offsetNow(String zone) {
        if (zone == null) {
            return null;
        }
        try {
            return ZoneId.of(zone).getRules().getOffset(Instant.now()).getTotalSeconds() / 60;
        } catch (java.time.DateTimeException e) {
            return null;
        }
    }

    public static List<String> split(String list) {
        if (list == null || list.isBlank()) {
            return List.of();
        }
        return Arrays.stream(list.split(",")).map(String::strip).filter(s -> !s.isEmpty()).toList();
    }
}
