package org.capacityhub.directory.person;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;

import jakarta.servlet.http.HttpServletResponse;

import org.capacityhub.directory.organisation.Organisation;
import org.capacityhub.directory.organisation.OrganisationService;
import org.capacityhub.directory.web.Forms;
import org.capacityhub.directory.web.Option;
import org.springframework.context.MessageSource;
import org.springframework.data.domain.Page;
import org.springframework.security.access.AccessDeniedException;
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

/** The people pages: the searchable list of the people the user may see, a person's page and the forms. */
@Controller
@RequestMapping("/people")
class PersonController {

    private final PersonService people;
    private final OrganisationService organisations;
    private final MessageSource messages;

    PersonController(PersonService people, OrganisationService organisations, MessageSource messages) {
        this.people = people;
        this.organisations = organisations;
        this.messages = messages;
    }

    @GetMapping
    String list(@RequestParam(required = false) String q, @RequestParam(defaultValue = "0") int page, Model model) {
        Page<Person> result = people.search(q, page);
        model.addAttribute("people", result);
        model.addAttribute("q", q);
        model.addAttribute("canCreate", people.canCreate());
        model.addAttribute("pageUrl", "/people?q=" + java.net.URLEncoder.encode(q == null ? "" : q,
                java.nio.charset.StandardCharsets.UTF_8) + "&page=");
        return "directory/people/list";
    }

    @GetMapping("/{id:\\d{1,18}}")
    String detail(@PathVariable long id, Model model, Locale locale) {
        Person person = people.get(id);
        model.addAttribute("person", person);
        model.addAttribute("countryName", person.getCountryCode() == null ? null
                : org.capacityhub.platform.Countries.name(person.getCountryCode(), locale));
        model.addAttribute("languageNames", person.getLanguages().stream()
                .map(code -> {
                    String name = Locale.forLanguageTag(code).getDisplayLanguage(locale);
                    return name.isEmpty() || name.equals(code) ? code : name + " (" + code + ")";
                }).toList());
        model.addAttribute("canEdit", people.canEdit(person));
        return "directory/people/detail";
    }

    @GetMapping("/new")
    String createForm(@RequestParam(required = false) Long organisationId, Model model, Locale locale) {
        requireCreator();
        PersonForm form = new PersonForm();
        if (organisationId != null) {
            Organisation organisation = organisations.get(organisationId);
            form.setOrganisationId(organisationId);
            form.setCountryCode(organisation.getCountryCode());
        }
        return form(model, form, null, locale);
    }

    @PostMapping
    String create(@ModelAttribute("form") PersonForm form, BindingResult result, Model model, Locale locale,
            HttpServletResponse response, RedirectAttributes redirect) {
        requireCreator();
        return Forms.submit(result, response, () -> {
            Person created = people.create(form.command());
            redirect.addFlashAttribute("flash", "person.created");
            return "redirect:/people/" + created.getId();
        }, () -> form(model, form, null, locale));
    }

    private void requireCreator() {
        if (!people.canCreate()) {
            throw new AccessDeniedException("Only administrators and focal points add people");
        }
    }

    @GetMapping("/{id:\\d{1,18}}/edit")
    String editForm(@PathVariable long id, Model model, Locale locale) {
        Person person = editable(id);
        return form(model, PersonForm.of(person), person, locale);
    }

    @PostMapping("/{id:\\d{1,18}}")
    String update(@PathVariable long id, @ModelAttribute("form") PersonForm form, BindingResult result, Model model,
            Locale locale, HttpServletResponse response, RedirectAttributes redirect) {
        editable(id);
        return Forms.submit(result, response, () -> {
            people.update(id, form.getVersion(), form.command());
            redirect.addFlashAttribute("flash", "person.saved");
            return "redirect:/people/" + id;
        }, () -> form(model, form, people.get(id), locale));
    }

    private Person editable(long id) {
        Person person = people.get(id);
        if (!people.canEdit(person)) {
            throw new AccessDeniedException("Not allowed to change person " + id);
        }
        return person;
    }

    private String form(Model model, PersonForm form, Person existing, Locale locale) {
        model.addAttribute("form", form);
        model.addAttribute("person", existing);
        List<Option> choices = new java.util.ArrayList<>(organisations.manageable().stream()
                .map(o -> new Option(o.getId().toString(), o.getName())).toList());
        // Someone who may edit the person keeps the organisation shown even if it is the current one.
        if (existing != null && existing.getOrganisation() != null && choices.stream()
                .noneMatch(o -> o.value().equals(existing.getOrganisation().getId().toString()))) {
            choices.add(0, new Option(existing.getOrganisation().getId().toString(), existing.getOrganisation().getName()));
        }
        model.addAttribute("organisations", choices);
        model.addAttribute("noOrganisationAllowed", people.canCreate() && organisations.canCreateUnder(null));
        model.addAttribute("roleFamilies", Arrays.stream(RoleFamily.values())
                .map(r -> new Option(r.name(), messages.getMessage("person.roleFamily." + r.name(), null, locale)))
                .toList());
        model.addAttribute("countries", Option.countries(locale, form.getCountryCode()));
        return "directory/people/form";
    }
}
