package org.capacityhub.directory.programme;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import jakarta.servlet.http.HttpServletResponse;

import org.capacityhub.directory.DirectoryAccess;
import org.capacityhub.directory.organisation.Organisation;
import org.capacityhub.directory.organisation.OrganisationService;
import org.capacityhub.directory.person.Person;
import org.capacityhub.directory.person.PersonRepository;
import org.capacityhub.directory.web.Forms;
import org.capacityhub.directory.web.Option;
import org.capacityhub.platform.Countries;
import org.capacityhub.platform.InvalidInputException;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** The programme pages: list, detail with members and coordinators, and the administrators' forms. */
@Controller
@RequestMapping("/programmes")
class ProgrammeController {

    private static final Map<String, String> FIELDS = Map.of("countryCode", "countries");

    private final ProgrammeService programmes;
    private final OrganisationService organisations;
    private final PersonRepository people;
    private final DirectoryAccess access;
    private final MessageSource messages;

    ProgrammeController(ProgrammeService programmes, OrganisationService organisations, PersonRepository people,
            DirectoryAccess access, MessageSource messages) {
        this.programmes = programmes;
        this.organisations = organisations;
        this.people = people;
        this.access = access;
        this.messages = messages;
    }

    @GetMapping
    String list(Model model) {
        model.addAttribute("programmes", programmes.list());
        model.addAttribute("canChange", programmes.canChange());
        return "directory/programmes/list";
    }

    @GetMapping("/{id:\\d{1,18}}")
    String detail(@PathVariable long id, Model model, Locale locale) {
        Programme programme = programmes.get(id);
        model.addAttribute("programme", programme);
        model.addAttribute("members", ProgrammeService.sortedMembers(programme));
        model.addAttribute("coordinators", ProgrammeService.sortedCoordinators(programme));
        model.addAttribute("countryNames", programme.getCountries().stream().map(c -> Countries.name(c, locale))
                .sorted().toList());
        model.addAttribute("viewable", ProgrammeService.sortedMembers(programme).stream()
                .filter(o -> access.canView(o.getId())).map(Organisation::getId).collect(Collectors.toSet()));
        boolean canChange = programmes.canChange();
        model.addAttribute("canChange", canChange);
        model.addAttribute("isCoordinator", access.isCoordinatorOf(id));
        if (canChange) {
            Set<Long> members = programme.getMembers().stream().map(Organisation::getId).collect(Collectors.toSet());
            model.addAttribute("memberCandidates", organisations.all().stream()
                    .filter(o -> !members.contains(o.getId())).toList());
            Set<Long> coordinators = programme.getCoordinators().stream().map(Person::getId).collect(Collectors.toSet());
            model.addAttribute("coordinatorCandidates", people.findAllByOrderByFullName().stream()
                    .filter(p -> !coordinators.contains(p.getId())).toList());
        }
        return "directory/programmes/detail";
    }

    @GetMapping("/new")
    String createForm(Model model, Locale locale) {
        access.requireAdministrator();
        return form(model, new ProgrammeForm(), null, locale);
    }

    @PostMapping
    String create(@ModelAttribute("form") ProgrammeForm form, BindingResult result, Model model, Locale locale,
            HttpServletResponse response, RedirectAttributes redirect) {
        access.requireAdministrator();
        return Forms.submit(result, response, FIELDS, () -> {
            Programme created = programmes.create(form.command());
            redirect.addFlashAttribute("flash", "programme.created");
            return "redirect:/programmes/" + created.getId();
        }, () -> form(model, form, null, locale));
    }

    @GetMapping("/{id:\\d{1,18}}/edit")
    String editForm(@PathVariable long id, Model model, Locale locale) {
        access.requireAdministrator();
        Programme programme = programmes.get(id);
        return form(model, ProgrammeForm.of(programme), programme, locale);
    }

    @PostMapping("/{id:\\d{1,18}}")
    String update(@PathVariable long id, @ModelAttribute("form") ProgrammeForm form, BindingResult result,
            Model model, Locale locale, HttpServletResponse response, RedirectAttributes redirect) {
        access.requireAdministrator();
        programmes.get(id);
        return Forms.submit(result, response, FIELDS, () -> {
            programmes.update(id, form.getVersion(), form.command());
            redirect.addFlashAttribute("flash", "programme.saved");
            return "redirect:/programmes/" + id;
        }, () -> form(model, form, programmes.get(id), locale));
    }

    private String form(Model model, ProgrammeForm form, Programme existing, Locale locale) {
        model.addAttribute("form", form);
        model.addAttribute("programme", existing);
        List<Option> countries = new java.util.ArrayList<>(Option.countries(locale, null));
        if (form.getCountries().contains(Countries.DEMO_COUNTRY)) {
            countries.add(0, new Option(Countries.DEMO_COUNTRY, Countries.name(Countries.DEMO_COUNTRY, locale)));
        }
        model.addAttribute("countries", countries);
        return "directory/programmes/form";
    }

    @PostMapping("/{id:\\d{1,18}}/members")
    String addMember(@PathVariable long id, @RequestParam(required = false) Long organisationId,
            RedirectAttributes redirect, Locale locale) {
        access.requireAdministrator();
        try {
            if (organisationId == null) {
                throw new InvalidInputException("organisationIds", "programme.member.unknown",
                        "There is no such organisation.");
            }
            programmes.addMember(id, organisationId);
            redirect.addFlashAttribute("flash", "programme.member.added");
        } catch (InvalidInputException e) {
            redirect.addFlashAttribute("pageError", messages.getMessage(e, locale));
        }
        return "redirect:/programmes/" + id + "#members";
    }

    @PostMapping("/{id:\\d{1,18}}/members/{organisationId:\\d{1,18}}/remove")
    String removeMember(@PathVariable long id, @PathVariable long organisationId, RedirectAttributes redirect) {
        programmes.removeMember(id, organisationId);
        redirect.addFlashAttribute("flash", "programme.member.removed");
        return "redirect:/programmes/" + id + "#members";
    }

    @PostMapping("/{id:\\d{1,18}}/coordinators")
    String addCoordinator(@PathVariable long id, @RequestParam(required = false) Long personId,
            RedirectAttributes redirect, Locale locale) {
        access.requireAdministrator();
        try {
            if (personId == null) {
                throw new InvalidInputException("personIds", "programme.coordinator.unknown", "There is no such person.");
            }
            programmes.addCoordinator(id, personId);
            redirect.addFlashAttribute("flash", "programme.coordinator.added");
        } catch (InvalidInputException e) {
            redirect.addFlashAttribute("pageError", messages.getMessage(e, locale));
        }
        return "redirect:/programmes/" + id + "#coordinators";
    }

    @PostMapping("/{id:\\d{1,18}}/coordinators/{personId:\\d{1,18}}/remove")
    String removeCoordinator(@PathVariable long id, @PathVariable long personId, RedirectAttributes redirect) {
        programmes.removeCoordinator(id, personId);
        redirect.addFlashAttribute("flash", "programme.coordinator.removed");
        return "redirect:/programmes/" + id + "#coordinators";
    }
}
