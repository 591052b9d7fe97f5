package org.capacityhub.directory.organisation;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import jakarta.servlet.http.HttpServletResponse;

import org.capacityhub.directory.DirectoryAccess;
import org.capacityhub.directory.web.Forms;
import org.capacityhub.directory.web.Option;
import org.capacityhub.platform.ConflictException;
import org.capacityhub.platform.Countries;
import org.capacityhub.platform.InvalidInputException;
import org.springframework.context.MessageSource;
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

/** The organisation pages: the directory tree, an organisation's page, and the forms that change them. */
@Controller
@RequestMapping("/organisations")
class OrganisationController {

    private final OrganisationService organisations;
    private final DirectoryAccess access;
    private final MessageSource messages;

    OrganisationController(OrganisationService organisations, DirectoryAccess access, MessageSource messages) {
        this.organisations = organisations;
        this.access = access;
        this.messages = messages;
    }

    @GetMapping
    String list(@RequestParam(required = false) String q, @RequestParam(required = false) String type,
            @RequestParam(required = false) String country, Model model, Locale locale) {
        OrganisationType kind = parseType(type);
        String countryCode = country == null || country.isBlank() ? null : country.strip().toUpperCase(Locale.ROOT);
        List<OrganisationService.Node> tree = organisations.tree(q, kind, countryCode);
        model.addAttribute("tree", tree);
        model.addAttribute("q", q);
        model.addAttribute("type", kind);
        model.addAttribute("country", countryCode);
        model.addAttribute("types", OrganisationType.values());
        model.addAttribute("countries", organisations.all().stream().map(Organisation::getCountryCode).distinct()
                .map(c -> new Option(c, Countries.name(c, locale)))
                .sorted(java.util.Comparator.comparing(Option::label)).toList());
        model.addAttribute("filtered", (q != null && !q.isBlank()) || kind != null || countryCode != null);
        model.addAttribute("canCreate", access.isAdministrator() || !organisations.manageable().isEmpty());
        return "directory/organisations/list";
    }

    private static OrganisationType parseType(String type) {
        if (type == null || type.isBlank()) {
            return null;
        }
        return Arrays.stream(OrganisationType.values()).filter(t -> t.name().equals(type)).findFirst().orElse(null);
    }

    @GetMapping("/{id:\\d{1,18}}")
    String detail(@PathVariable long id, Model model) {
        Organisation organisation = organisations.get(id);
        model.addAttribute("organisation", organisation);
        model.addAttribute("units", organisations.units(id));
        boolean canView = access.canView(id);
        model.addAttribute("canView", canView);
        boolean canManage = access.canManage(id);
        model.addAttribute("canManage", canManage);
        model.addAttribute("canDelete", organisations.canDelete(organisation));
        model.addAttribute("canCreateUnit", organisations.canCreateUnder(id));
        if (canView) {
            model.addAttribute("people", organisations.people(id));
            model.addAttribute("focalPoints", organisations.focalPoints(id));
            model.addAttribute("programmes", organisations.programmes(id));
        }
        if (canManage) {
            Set<Long> current = organisations.focalPoints(id).stream().map(p -> p.getId()).collect(
                    java.util.stream.Collectors.toSet());
            model.addAttribute("candidates", organisations.focalPointCandidates(id).stream()
                    .filter(p -> !current.contains(p.getId())).toList());
        }
        return "directory/organisations/detail";
    }

    @GetMapping("/new")
    String createForm(@RequestParam(required = false) Long parentId, Model model, Locale locale) {
        requireCreator();
        OrganisationForm form = new OrganisationForm();
        if (parentId != null) {
            Organisation parent = organisations.get(parentId);
            if (!organisations.canCreateUnder(parentId)) {
                throw new AccessDeniedException("Not allowed to create units here");
            }
            form.setParentId(parentId);
            form.setCountryCode(parent.getCountryCode());
        }
        return form(model, form, null, locale);
    }

    @PostMapping
    String create(@ModelAttribute("form") OrganisationForm form, BindingResult result, Model model, Locale locale,
            HttpServletResponse response, RedirectAttributes redirect) {
        requireCreator();
        return Forms.submit(result, response, () -> {
            Organisation created = organisations.create(form.command());
            redirect.addFlashAttribute("flash", "organisation.created");
            return "redirect:/organisations/" + created.getId();
        }, () -> form(model, form, null, locale));
    }

    private void requireCreator() {
        if (!access.isAdministrator() && organisations.manageable().isEmpty()) {
            throw new AccessDeniedException("Only administrators and focal points create organisations");
        }
    }

    @GetMapping("/{id:\\d{1,18}}/edit")
    String editForm(@PathVariable long id, Model model, Locale locale) {
        Organisation organisation = organisations.get(id);
        access.requireManage(id);
        return form(model, OrganisationForm.of(organisation), organisation, locale);
    }

    @PostMapping("/{id:\\d{1,18}}")
    String update(@PathVariable long id, @ModelAttribute("form") OrganisationForm form, BindingResult result,
            Model model, Locale locale, HttpServletResponse response, RedirectAttributes redirect) {
        organisations.get(id);
        access.requireManage(id);
        return Forms.submit(result, response, () -> {
            organisations.update(id, form.getVersion(), form.command());
            redirect.addFlashAttribute("flash", "organisation.saved");
            return "redirect:/organisations/" + id;
        }, () -> form(model, form, organisations.get(id), locale));
    }

    private String form(Model model, OrganisationForm form, Organisation existing, Locale locale) {
        model.addAttribute("form", form);
        model.addAttribute("organisation", existing);
        Set<Long> excluded = existing == null ? Set.of() : organisations.subtree(existing.getId());
        List<Option> parents = organisations.manageable().stream().filter(o -> !excluded.contains(o.getId()))
                .map(o -> new Option(o.getId().toString(), o.getName())).toList();
        // A focal point editing their own organisation keeps its current parent, which they may not manage.
        if (existing != null && existing.getParent() != null
                && parents.stream().noneMatch(p -> p.value().equals(existing.getParent().getId().toString()))) {
            parents = new java.util.ArrayList<>(parents);
            parents.add(0, new Option(existing.getParent().getId().toString(), existing.getParent().getName()));
        }
        model.addAttribute("parents", parents);
        model.addAttribute("topLevelAllowed", access.isAdministrator()
                || (existing != null && existing.getParent() == null));
        model.addAttribute("types", Arrays.stream(OrganisationType.values())
                .map(t -> new Option(t.name(), messages.getMessage("organisation.type." + t.name(), null, locale)))
                .toList());
        model.addAttribute("countries", Option.countries(locale, form.getCountryCode()));
        return "directory/organisations/form";
    }

    @PostMapping("/{id:\\d{1,18}}/focal-points")
    String addFocalPoint(@PathVariable long id, @RequestParam(required = false) Long personId,
            RedirectAttributes redirect, Locale locale) {
        organisations.get(id);
        access.requireManage(id);
        try {
            if (personId == null) {
                throw new InvalidInputException("personId", "organisation.focalPoint.unknown",
                        "Choose one of the people listed.");
            }
            organisations.addFocalPoint(id, personId);
            redirect.addFlashAttribute("flash", "organisation.focalPoint.added");
        } catch (InvalidInputException e) {
            redirect.addFlashAttribute("pageError", messages.getMessage(e, locale));
        }
        return "redirect:/organisations/" + id + "#focal-points";
    }

    @PostMapping("/{id:\\d{1,18}}/focal-points/{personId:\\d{1,18}}/remove")
    String removeFocalPoint(@PathVariable long id, @PathVariable long personId, RedirectAttributes redirect) {
        organisations.removeFocalPoint(id, personId);
        redirect.addFlashAttribute("flash", "organisation.focalPoint.removed");
        return "redirect:/organisations/" + id + "#focal-points";
    }

    @PostMapping("/{id:\\d{1,18}}/delete")
    String delete(@PathVariable long id, RedirectAttributes redirect, Locale locale) {
        try {
            organisations.delete(id);
        } catch (ConflictException e) {
            redirect.addFlashAttribute("pageError", messages.getMessage(e, locale));
            return "redirect:/organisations/" + id;
        }
        redirect.addFlashAttribute("flash", "organisation.deleted");
        return "redirect:/organisations";
    }
}
