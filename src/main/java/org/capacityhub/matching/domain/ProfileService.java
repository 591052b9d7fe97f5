package org.capacityhub.matching.domain;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import org.capacityhub.assessment.AssessmentGaps;
import org.capacityhub.assessment.Assessments;
import org.capacityhub.assessment.CompetencyGap;
import org.capacityhub.directory.Directory;
import org.capacityhub.directory.DirectoryAccess;
import org.capacityhub.framework.Frameworks;
import org.capacityhub.matching.ranking.Format;
import org.capacityhub.matching.ranking.Role;
import org.capacityhub.matching.ranking.Visibility;
import org.capacityhub.platform.InvalidInputException;
import org.capacityhub.platform.NotFoundException;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Capacity profiles: one's own, one's organisations', and those one may see. */
@Service
@Transactional
public class ProfileService {

    private final ProfileRepository profiles;
    private final GapReportRepository gapReports;
    private final Directory directory;
    private final DirectoryAccess access;
    private final Frameworks frameworks;
    private final Assessments assessments;
    private final Viewers viewers;
    private final Sides sides;
    private final org.capacityhub.matching.ranking.OfferIndex index;

    ProfileService(ProfileRepository profiles, GapReportRepository gapReports, Directory directory,
            DirectoryAccess access, Frameworks frameworks, Assessments assessments, Viewers viewers, Sides sides,
            org.capacityhub.matching.ranking.OfferIndex index) {
        this.index = index;
        this.profiles = profiles;
        this.gapReports = gapReports;
        this.directory = directory;
        this.access = access;
        this.frameworks = frameworks;
        this.assessments = assessments;
        this.viewers = viewers;
        this.sides = sides;
    }

    /** The current user's own profile, made from their directory facts the first time. */
    public Profile mine() {
        long me = sides.me();
        return ofPerson(me);
    }

    Profile ofPerson(long personId) {
        Directory.PersonSummary person = directory.person(personId)
                .orElseThrow(() -> new NotFoundException("Person", personId));
        Profile profile = profiles.findByOwnerKey("P:" + personId).orElse(null);
        if (profile == null) {
            profile = Profile.ofPerson(personId, person.organisationId(), person.fullName());
            profile.describe(person.languages(), person.countryCode(), person.timeZone(), Visibility.PROGRAMME);
            profile = profiles.save(profile);
        } else if (!person.fullName().equals(profile.getDisplayName())
                || !java.util.Objects.equals(person.organisationId(), profile.getOrganisationId())) {
            profile.rename(person.fullName());
            profile.belongTo(person.organisationId());
            index.invalidateAfterCommit();
        }
        return profile;
    }

    /** An organisation's profile (made the first time); only for those who manage it (403). */
    public Profile ofOrganisation(long organisationId) {
        access.requireView(organisationId);
        access.requireManage(organisationId);
        Directory.OrganisationSummary organisation = directory.organisation(organisationId)
                .orElseThrow(() -> new NotFoundException("Organisation", organisationId));
        return profiles.findByOwnerKey("O:" + organisationId).orElseGet(() -> {
            Profile p = Profile.ofOrganisation(organisationId, organisation.label(), sides.me());
            p.describe(List.of(), organisation.countryCode(), null, Visibility.PROGRAMME);
            return profiles.save(p);
        });
    }

    /** A profile the current user may see (404 otherwise). */
    @Transactional(readOnly = true)
    public Profile visible(long id) {
        Profile p = profiles.findById(id).orElseThrow(() -> new NotFoundException("Profile", id));
        if (!viewers.canSee(p) && !sides.actsFor(p)) {
            throw new NotFoundException("Profile", id);
        }
        org.hibernate.Hibernate.initialize(p.getEntries());
        return p;
    }

    /** A profile the current user may change: 404 when they may not see it, 403 when they may not change it. */
    public Profile editable(long id) {
        Profile p = visible(id);
        if (!sides.actsFor(p)) {
            throw new AccessDeniedException("Not allowed to change profile " + id);
        }
        return p;
    }

    public boolean canEdit(Profile p) {
        return sides.actsFor(p);
    }

    public void describe(long id, List<String> languages, String countryCode, String timeZone,
            Visibility visibility) {
        editable(id).describe(languages, countryCode, timeZone, visibility);
        index.invalidateAfterCommit();
    }

    /**
     * Sets what the profile says about one competency; a competency with nothing known, offered or wanted is
     * removed.
     */
    public void saveEntry(long id, long competencyId, Integer knowsRank, Set<Role> roles, Integer hours,
            Set<Format> formats, Integer wantsRank) {
        Profile p = editable(id);
        Frameworks.Competency c = frameworks.competency(competencyId).orElseThrow(
                () -> new InvalidInputException("competencyId", "matching.competency.unknown",
                        "Choose a competency of a framework."));
        int scale = frameworks.levels(c.versionId()).size();
        if (scale == 0) {
            throw new InvalidInputException("competencyId", "matching.competency.noScale",
                    "This framework has no levels.");
        }
        ProfileEntry e = p.entryFor(competencyId, c.identifier().toString(), scale, "SELF");
        e.knows(knowsRank);
        e.wants(wantsRank);
        e.offer(roles, hours, formats);
        if (e.empty()) {
            p.removeEntry(competencyId);
        }
        index.invalidateAfterCommit();
    }

    public void removeEntry(long id, long competencyId) {
        editable(id).removeEntry(competencyId);
        index.invalidateAfterCommit();
    }

    /** The assessments whose gaps the current user may turn into needs: those of organisations they manage. */
    @Transactional(readOnly = true)
    public List<GapReport> gapReports() {
        Set<Long> managed = access.manageableOrganisationIds();
        if (managed.isEmpty()) {
            return List.of();
        }
        return gapReports.findByOrganisationIdInOrderBySubmittedAtDesc(managed);
    }

    /** The gaps of a report the current user may act on (404 otherwise). */
    @Transactional(readOnly = true)
    public AssessmentGaps gaps(long gapReportId) {
        GapReport report = gapReports.findById(gapReportId)
                .orElseThrow(() -> new NotFoundException("Gap report", gapReportId));
        if (!access.canView(report.getOrganisationId())) {
            throw new NotFoundException("Gap report", gapReportId);
        }
        return assessments.gaps(report.getAssessmentId(), report.getTargetProfileId())
                .orElseThrow(() -> new NotFoundException("Gap report", gapReportId));
    }

    /**
     * With the focal point's consent, the organisation's gaps become its needs: each competency with a gap is
     * "wanted" at the target level (and "known" at the level found) on the organisation's profile.
     */
    public int gapsToNeeds(long gapReportId) {
        AssessmentGaps gaps = gaps(gapReportId);
        access.requireManage(gaps.organisationId());
        Profile p = ofOrganisation(gaps.organisationId());
        int scale = frameworks.levels(gaps.frameworkVersionId()).size();
        int added = 0;
        for (CompetencyGap g : gaps.gaps()) {
            if (g.gap() == null || g.gap() <= 0) {
                continue;
            }
            Frameworks.Competency c = frameworks.competency(g.competencyId()).orElse(null);
            if (c == null) {
                continue;
            }
            ProfileEntry e = p.entryFor(c.id(), c.identifier().toString(), scale, "ASSESSMENT");
            e.wants(g.targetRank());
            if (e.getKnowsRank() == null) {
                e.knows(g.currentRank());
            }
            added++;
        }
        return added;
    }

    /** The profiles the current user acts for: their own and those of the organisations they manage. */
    @Transactional(readOnly = true)
    public List<Profile> actingFor() {
        List<Profile> result = new ArrayList<>();
        profiles.findByOwnerKey("P:" + sides.me()).ifPresent(result::add);
        for (Long org : access.isAdministrator() ? Set.<Long>of() : access.manageableOrganisationIds()) {
            profiles.findByOwnerKey("O:" + org).ifPresent(result::add);
        }
        return result;
    }
}
