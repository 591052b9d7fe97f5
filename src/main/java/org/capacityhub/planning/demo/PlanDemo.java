package org.capacityhub.planning.demo;

import java.time.LocalDate;
import java.util.Optional;
import java.util.Set;

import org.capacityhub.assessment.AssessmentResult;
import org.capacityhub.assessment.Assessments;
import org.capacityhub.directory.Directory;
import org.capacityhub.planning.PlanConstraints;
import org.capacityhub.planning.domain.ItemDetails;
import org.capacityhub.planning.domain.ItemKind;
import org.capacityhub.planning.domain.PlanService;
import org.capacityhub.planning.domain.PlanViews;
import org.capacityhub.platform.DemoContributor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.stereotype.Component;

/**
 * Planning's part of the demo dataset: the customised training programme of the demo Ministry of Digital Economy,
 * generated from its demo assessment exactly as its focal point would ("Generate a plan", as
 * {@code demo.focalpoint}), with a custom activity, a participant's expectations, and the focal point's sign-off.
 * Runs after the suggestion sources' demo data, so that their demo items are suggested. Skipped when the demo
 * ministry, its focal point's account or its assessment is not there.
 */
@Component
class PlanDemo implements DemoContributor {

    static final String MINISTRY = "Ministry of Digital Economy";
    static final String FOCAL_POINT = "demo.focalpoint";
    static final String TITLE = "Customised training programme 2026 (demo)";
    static final String CIVIL_SERVANT = "demo.civilservant";
    static final String PERSON_TITLE = "My learning plan 2026 (demo)";
    private static final Logger log = LoggerFactory.getLogger(PlanDemo.class);

    private final Directory directory;
    private final Assessments assessments;
    private final PlanService plans;
    private final UserDetailsService users;

    PlanDemo(Directory directory, Assessments assessments, PlanService plans, UserDetailsService users) {
        this.directory = directory;
        this.assessments = assessments;
        this.plans = plans;
        this.users = users;
    }

    @Override
    public int order() {
        return 80;
    }

    @Override
    public void contribute() {
        Optional<Directory.OrganisationSummary> ministry = directory.demoOrganisationNamed(MINISTRY);
        UserDetails focal;
        try {
            focal = users.loadUserByUsername(FOCAL_POINT);
        } catch (UsernameNotFoundException e) {
            focal = null;
        }
        if (ministry.isEmpty() || focal == null) {
            log.info("Demo plan skipped: no demo '{}' or no '{}' account.", MINISTRY, FOCAL_POINT);
            return;
        }
        Authentication previous = SecurityContextHolder.getContext().getAuthentication();
        SecurityContextHolder.getContext().setAuthentication(
                UsernamePasswordAuthenticationToken.authenticated(focal, null, focal.getAuthorities()));
        try {
            long organisationId = ministry.get().id();
            Optional<AssessmentResult> assessment = assessments.finalResults(organisationId).stream().findFirst();
            if (assessment.isEmpty()) {
                log.info("Demo plan skipped: the demo '{}' has no final assessment.", MINISTRY);
                return;
            }
            long id = plans.generate(new PlanService.GenerateInput(assessment.get().assessmentId(), null,
                    organisationId, TITLE, Set.of(), Set.of("en", "fr"), PlanConstraints.NONE));
            plans.markAsDemo(id);
            PlanViews.PlanView plan = plans.view(id);
            if (!plan.gaps().isEmpty()) {
                plans.addItem(id, plan.gaps().get(0).id(), ItemKind.CUSTOM, null, new ItemDetails(
                        "Peer exchange with the National Digital Agency's service design team (demo)", null,
                        "Director of Digital Transformation", null, LocalDate.now().plusDays(14),
                        LocalDate.now().plusDays(45), 6, java.math.BigDecimal.ZERO, null,
                        org.capacityhub.planning.DeliveryMode.IN_PERSON));
            }
            plans.expect(id, null, "Practical methods we can use in the next e-service project, not theory (demo).",
                    "Citizens complain about slow services; we want to fix that (demo).");
            plans.submitForReview(id);
            plans.agree(id, "Agreed at the management meeting (demo).");
        } finally {
            SecurityContextHolder.getContext().setAuthentication(previous);
        }
        personPlan();
    }

    /**
     * Fatuma's own plan from her latest UNESCO self-assessment, shared and waiting for the sign-off of the
     * supervisor she named on it (Jean-Baptiste Moreau, {@code demo.focalpoint}).
     */
    private void personPlan() {
        UserDetails civil;
        try {
            civil = users.loadUserByUsername(CIVIL_SERVANT);
        } catch (UsernameNotFoundException e) {
            log.info("Demo person plan skipped: no '{}' account.", CIVIL_SERVANT);
            return;
        }
        Authentication previous = SecurityContextHolder.getContext().getAuthentication();
        SecurityContextHolder.getContext().setAuthentication(
                UsernamePasswordAuthenticationToken.authenticated(civil, null, civil.getAuthorities()));
        try {
            var versions = plans.myPlanning().versions();
            if (versions.isEmpty()) {
                log.info("Demo person plan skipped: '{}' has no submitted self-assessment.", CIVIL_SERVANT);
                return;
            }
            var gaps = plans.myGaps(versions.get(0).id());
            if (gaps.gaps().isEmpty() || gaps.organisationId() == null) {
                log.info("Demo person plan skipped: no gap to plan for.");
                return;
            }
            long id = plans.generateForMe(new PlanService.PersonGenerateInput(versions.get(0).id(), PERSON_TITLE,
                    Set.of(), Set.of("en", "fr"), PlanConstraints.NONE));
            plans.markAsDemo(id);
            plans.expect(id, null, "Short, practical sessions I can fit around the e-services work (demo).",
                    "I want to lead the data governance work of my department (demo).");
            plans.submitForReview(id);
        } finally {
            SecurityContextHolder.getContext().setAuthentication(previous);
        }
    }
}
