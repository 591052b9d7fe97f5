package org.capacityhub.matching.domain;

import java.util.EnumSet;
import java.util.Set;
import java.util.stream.Collectors;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;

import org.capacityhub.matching.ranking.CandidateQuery;
import org.capacityhub.matching.ranking.Format;
import org.capacityhub.matching.ranking.Role;
import org.capacityhub.platform.InvalidInputException;

/** One competency of a profile: the level known, what is offered on it, and the level wanted. */
@Entity
@Table(name = "matching_entry")
public class ProfileEntry {

    public static final int MAX_HOURS = 160;

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "profile_id")
    private Profile profile;

    @Column(name = "competency_id", nullable = false)
    private long competencyId;

    @Column(name = "competency_identifier", nullable = false)
    private String competencyIdentifier;

    @Column(name = "knows_rank")
    private Integer knowsRank;

    @Column(name = "scale_size", nullable = false)
    private int scaleSize;

    @Column(name = "offer_roles")
    private String offerRoles;

    @Column(name = "offer_hours")
    private Integer offerHours;

    @Column(name = "offer_formats")
    private String offerFormats;

    @Column(name = "wants_rank")
    private Integer wantsRank;

    @Column(nullable = false)
    private String source;

    protected ProfileEntry() {}

    ProfileEntry(Profile profile, long competencyId, String identifier, int scaleSize, String source) {
        this.profile = profile;
        this.competencyId = competencyId;
        this.competencyIdentifier = identifier;
        this.scaleSize = scaleSize;
        this.source = source;
    }

    public void knows(Integer rank) {
        this.knowsRank = checkRank(rank, "knowsRank");
    }

    public void wants(Integer rank) {
        this.wantsRank = checkRank(rank, "wantsRank");
    }

    /** Offers help on the competency: no roles withdraws the offer. */
    public void offer(Set<Role> roles, Integer hours, Set<Format> formats) {
        if (roles == null || roles.isEmpty()) {
            offerRoles = null;
            offerHours = null;
            offerFormats = null;
            return;
        }
        if (hours == null || hours < 1 || hours > MAX_HOURS) {
            throw new InvalidInputException("offerHours", "matching.hours.range",
                    "Give the hours a month offered, 1 to " + MAX_HOURS + ".", MAX_HOURS);
        }
        if (knowsRank == null) {
            throw new InvalidInputException("knowsRank", "matching.offer.levelRequired",
                    "Say your level before offering help on a competency.");
        }
        offerRoles = EnumSet.copyOf(roles).stream().map(Enum::name).collect(Collectors.joining(","));
        offerHours = hours;
        offerFormats = formats == null || formats.isEmpty() ? Format.ONLINE.name()
                : EnumSet.copyOf(formats).stream().map(Enum::name).collect(Collectors.joining(","));
    }

    private Integer checkRank(Integer rank, String field) {
        if (rank != null && (rank < 0 || rank >= scaleSize)) {
            throw new InvalidInputException(field, "matching.level.unknown", "Choose a level of the scale.");
        }
        return rank;
    }

    public boolean empty() {
        return knowsRank == null && wantsRank == null && offerRoles == null;
    }

    public Set<Role> roles() {
        EnumSet<Role> set = EnumSet.noneOf(Role.class);
        CandidateQuery.split(offerRoles).forEach(r -> set.add(Role.valueOf(r)));
        return set;
    }

    public Set<Format> formats() {
        EnumSet<Format> set = EnumSet.noneOf(Format.class);
        CandidateQuery.split(offerFormats).forEach(f -> set.add(Format.valueOf(f)));
        return set;
    }

    public boolean offers() {
        return offerRoles != null;
    }

    public Long getId() { return id; }
    public Profile getProfile() { return profile; }
    public long getCompetencyId() { return competencyId; }
    public String getCompetencyIdentifier() { return competencyIdentifier; }
    public Integer getKnowsRank() { return knowsRank; }
    public int getScaleSize() { return scaleSize; }
    public Integer getOfferHours() { return offerHours; }
    public Integer getWantsRank() { return wantsRank; }
    public String getSource() { return source; }
}
