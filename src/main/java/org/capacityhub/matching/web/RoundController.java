package org.capacityhub.matching.web;

import java.util.List;
import java.util.Map;
import java.util.Set;

import jakarta.servlet.http.HttpServletResponse;

import org.capacityhub.matching.domain.PairingService;
import org.capacityhub.matching.domain.Profile;
import org.capacityhub.matching.domain.Round;
import org.capacityhub.platform.UserFacingException;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** Cohort pairing rounds: compute a draft, review it, confirm it (only then is anyone notified). */
@Controller
@RequestMapping("/matching/rounds")
class RoundController {

    private final PairingService pairing;
    private final Competencies competencies;

    RoundController(PairingService pairing, Competencies competencies) {
        this.pairing = pairing;
        this.competencies = competencies;
    }

    @GetMapping
    String list(Model model) {
        requirePair();
        model.addAttribute("rounds", pairing.mine());
        model.addAttribute("form", new RoundForm());
        model.addAttribute("groups", competencies.groups());
        return "matching/rounds";
    }

    private void requirePair() {
        if (!pairing.canPair()) {
            throw new AccessDeniedException("Only coordinators run pairing rounds");
        }
    }

    @PostMapping
    String create(@ModelAttribute("form") RoundForm form, BindingResult result, Model model,
            HttpServletResponse response) {
        requirePair();
        if (form.getCompetencyId() == null) {
            result.rejectValue("competencyId", "matching.competency.unknown");
        }
        if (form.getMentorCapacity() == null) {
            result.rejectValue("mentorCapacity", "matching.round.capacity", new Object[] {PairingService.MAX_CAPACITY},
                    null);
        }
        if (form.getTopK() == null) {
            result.rejectValue("topK", "matching.round.topK", new Object[] {PairingService.MAX_TOP_K}, null);
        }
        if (!result.hasErrors()) {
            try {
                Round r = pairing.create(form.getTitle(), form.getCompetencyId(), form.getMentorCapacity(),
                        form.getTopK(), form.isAvoidSameOrganisation());
                return "redirect:/matching/rounds/" + r.getId();
            } catch (UserFacingException e) {
                Forms.bind(e, result, Set.of("title", "competencyId", "mentorCapacity", "topK"));
            }
        }
        response.setStatus(HttpStatus.BAD_REQUEST.value());
        model.addAttribute("rounds", pairing.mine());
        model.addAttribute("groups", competencies.groups());
        return "matching/rounds";
    }

    @GetMapping("/{id}")
    String round(@PathVariable long id, Model model) {
        Round r = pairing.view(id);
        Map<Long, Profile> profiles = pairing.profilesOf(r);
        model.addAttribute("round", r);
        model.addAttribute("competency", competencies.title(r.getCompetencyId()));
        model.addAttribute("assigned", r.getRows().stream().filter(row -> row.getMentorProfileId() != null).toList());
        model.addAttribute("unassigned", r.getRows().stream().filter(row -> row.getMentorProfileId() == null).toList());
        model.addAttribute("profiles", profiles);
        return "matching/round";
    }

    @PostMapping("/{id}/confirm")
    String confirm(@PathVariable long id, RedirectAttributes redirect) {
        pairing.confirm(id);
        redirect.addFlashAttribute("flash", "matching.round.confirmedNow");
        return "redirect:/matching/rounds/" + id;
    }

}
