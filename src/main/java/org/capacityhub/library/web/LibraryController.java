package org.capacityhub.library.web;

import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import jakarta.servlet.http.HttpServletResponse;

import org.capacityhub.directory.Directory;
import org.capacityhub.library.domain.Delivery;
import org.capacityhub.library.domain.LibraryService;
import org.capacityhub.library.domain.Resource;
import org.capacityhub.library.domain.ResourceKind;
import org.capacityhub.library.domain.Visibility;
import org.capacityhub.library.search.LibrarySearch;
import org.capacityhub.library.search.SearchQuery;
import org.capacityhub.platform.Countries;
import org.capacityhub.platform.InvalidInputException;
import org.capacityhub.platform.UserFacingException;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** The library's pages: search, a resource, its form, its cycle, comments, reviews and reports. */
@Controller
@RequestMapping("/library")
class LibraryController {

    private static final Set<String> FIELDS = Set.of("kind", "title", "summary", "coverText", "language",
            "otherLanguages", "countryCode", "region", "delivery", "durationHours", "costAmount", "costCurrency",
            "licence", "linkUrl", "visibility", "levelRank", "sdgs", "competencyIds", "translationOfId", "seriesId",
            "useContext", "useChallenge", "useApproach", "useResults", "useLessons", "useContacts");

    private final LibraryService service;
    private final LibrarySearch search;
    private final Choices choices;
    private final Directory directory;
    private final MessageSource messages;

    LibraryController(LibraryService service, LibrarySearch search, Choices choices, Directory directory,
            MessageSource messages) {
        this.service = service;
        this.search = search;
        this.choices = choices;
        this.directory = directory;
        this.messages = messages;
    }

    @GetMapping
    String search(@RequestParam(required = false) String q, @RequestParam(required = false) Set<Long> competency,
            @RequestParam(required = false) Set<String> kind, @RequestParam(required = false) Set<String> language,
            @RequestParam(required = false) Set<String> country, @RequestParam(required = false) Set<String> region,
            @RequestParam(required = false) Set<Integer> level, @RequestParam(required = false) Set<String> licence,
            @RequestParam(required = false) Set<String> delivery, @RequestParam(required = false) String sort,
            @RequestParam(defaultValue = "0") int page, Model model) {
        SearchQuery query = new SearchQuery(q, competency, enums(ResourceKind.class, kind), language, country, region,
                level, licence, enums(Delivery.class, delivery), "date".equals(sort), page, 20);
        var results = search.search(query);
        model.addAttribute("query", query);
        model.addAttribute("results", results);
        model.addAttribute("facetLabels", facetLabels(results.facets()));
        model.addAttribute("competencyGroups", choices.competencies());
        return "library/search";
    }

    static <E extends Enum<E>> Set<E> enums(Class<E> type, Set<String> values) {
        if (values == null) {
            return Set.of();
        }
        return values.stream().map(v -> {
            try {
                return Enum.valueOf(type, v);
            } catch (IllegalArgumentException e) {
                return null;
            }
        }).filter(v -> v != null).collect(Collectors.toSet());
    }

    /** Readable labels of facet values, per facet. */
    private Map<String, Map<String, String>> facetLabels(Map<String, Map<String, Long>> facets) {
        Locale locale = LocaleContextHolder.getLocale();
        Map<Integer, String> levels = choices.levels();
        Map<String, Map<String, String>> labels = new LinkedHashMap<>();
        facets.forEach((facet, values) -> {
            Map<String, String> named = new LinkedHashMap<>();
            values.keySet().forEach(v -> named.put(v, switch (facet) {
                case "competency" -> choices.competencyLabel(Long.parseLong(v));
                case "kind" -> messages.getMessage("library.kind." + v, null, v, locale);
                case "delivery" -> messages.getMessage("library.delivery." + v, null, v, locale);
                case "language" -> Locale.forLanguageTag(v).getDisplayLanguage(locale);
                case "country" -> Countries.name(v, locale);
                case "level" -> levels.getOrDefault(Integer.valueOf(v), v);
                default -> v;
            }));
            labels.put(facet, named);
        });
        return labels;
    }

    @GetMapping("/mine")
    String mine(Model model) {
        model.addAttribute("mine", service.myWork());
        model.addAttribute("toReview", service.waitingForMyReview());
        return "library/mine";
    }

    @GetMapping("/resources/new")
    String newForm(@RequestParam(required = false) Long seriesId, Model model) {
        ResourceForm form = new ResourceForm();
        form.setLanguage(LocaleContextHolder.getLocale().getLanguage());
        if (seriesId != null) {
            form.setSeriesId(seriesId);
            form.setKind(ResourceKind.BLOG_POST.name());
        }
        return formPage(form, null, model);
    }

    @PostMapping("/resources/new")
    String create(@ModelAttribute("form") ResourceForm form, BindingResult result, Model model,
            HttpServletResponse response, RedirectAttributes redirect) {
        if (!result.hasErrors()) {
            try {
                long id = service.create(form.toInput());
                redirect.addFlashAttribute("flash", "library.saved");
                return "redirect:/library/resources/" + id;
            } catch (InvalidInputException e) {
                bind(e, result);
            }
        }
        response.setStatus(HttpStatus.BAD_REQUEST.value());
        return formPage(form, null, model);
    }

    @GetMapping("/resources/{id}/edit")
    String edit(@PathVariable long id, Model model) {
        Resource r = service.readable(id);
        if (!service.canEdit(r)) {
            throw new org.springframework.security.access.AccessDeniedException("Only the author changes a draft");
        }
        return formPage(ResourceForm.of(r), r, model);
    }

    @PostMapping("/resources/{id}/edit")
    String update(@PathVariable long id, @ModelAttribute("form") ResourceForm form, BindingResult result, Model model,
            HttpServletResponse response, RedirectAttributes redirect) {
        Resource r = service.readable(id);
        if (!result.hasErrors()) {
            try {
                service.update(id, form.toInput());
                redirect.addFlashAttribute("flash", "library.saved");
                return "redirect:/library/resources/" + id;
            } catch (InvalidInputException e) {
                bind(e, result);
            }
        }
        response.setStatus(HttpStatus.BAD_REQUEST.value());
        return formPage(form, r, model);
    }

    private String formPage(ResourceForm form, Resource resource, Model model) {
        model.addAttribute("form", form);
        model.addAttribute("resource", resource);
        model.addAttribute("kinds", ResourceKind.values());
        model.addAttribute("deliveries", Delivery.values());
        model.addAttribute("visibilities", Visibility.values());
        model.addAttribute("competencyGroups", choices.competencies());
        model.addAttribute("levels", choices.levels());
        model.addAttribute("countries", Countries.all(LocaleContextHolder.getLocale()));
        model.addAttribute("seriesList", service.allSeries());
        return "library/form";
    }

    private static void bind(UserFacingException e, BindingResult result) {
        e.rejectIn(result, e.field() != null && FIELDS.contains(e.field()) ? e.field() : null);
    }

    @GetMapping("/resources/{id}")
    String resource(@PathVariable long id, Model model) {
        Resource r = service.readable(id);
        service.countView(r);
        model.addAttribute("r", r);
        model.addAttribute("competencies", r.getCompetencyIds().stream()
                .collect(Collectors.toMap(c -> c, choices::competencyLabel, (a, b) -> a, LinkedHashMap::new)));
        model.addAttribute("levels", choices.levels());
        model.addAttribute("author", directory.person(r.getAuthorPersonId()).orElse(null));
        model.addAttribute("organisation", r.getOrganisationId() == null ? null
                : directory.organisation(r.getOrganisationId()).orElse(null));
        model.addAttribute("canEdit", service.canEdit(r));
        model.addAttribute("canReview", service.canReview(r));
        model.addAttribute("canComment", service.canComment(r));
        model.addAttribute("canMaintain", service.canMaintain(r));
        model.addAttribute("canRate", service.canRate(r));
        model.addAttribute("isAuthor", r.getAuthorPersonId() == service.me());
        model.addAttribute("candidates", service.canEdit(r) ? service.reviewerCandidates(r).values() : List.of());
        model.addAttribute("reviewers", directory.people(r.getReviewerIds()));
        model.addAttribute("comments", service.comments(r));
        model.addAttribute("people", peopleNames(service.comments(r).stream().map(c -> c.getAuthorPersonId()).toList(),
                service.reviews(id).stream().map(v -> v.getPersonId()).toList()));
        model.addAttribute("reviews", service.reviews(id));
        model.addAttribute("reports", service.canMaintain(r) ? service.openReports(id) : List.of());
        model.addAttribute("history", service.history(id));
        model.addAttribute("translations", service.translations(r));
        model.addAttribute("countries", Countries.all(LocaleContextHolder.getLocale()));
        model.addAttribute("organisationTypes", Directory.ORGANISATION_TYPES);
        model.addAttribute("maxUploadMb", service.maxUploadMegabytes());
        return "library/resource";
    }

    private Map<Long, String> peopleNames(List<Long> a, List<Long> b) {
        Set<Long> ids = new java.util.HashSet<>(a);
        ids.addAll(b);
        return directory.people(ids).stream().collect(Collectors.toMap(Directory.PersonSummary::id,
                Directory.PersonSummary::fullName));
    }

    @PostMapping("/resources/{id}/file")
    String upload(@PathVariable long id, @RequestParam(required = false) MultipartFile file,
            RedirectAttributes redirect) throws IOException {
        try {
            if (file == null || file.isEmpty()) {
                throw new InvalidInputException("file", "library.file.required", "Choose a file");
            }
            service.attachFile(id, file.getOriginalFilename(), file.getSize(), file.getInputStream());
            redirect.addFlashAttribute("flash", "library.file.attached");
        } catch (InvalidInputException e) {
            redirect.addFlashAttribute("fileError", messages.getMessage(e, LocaleContextHolder.getLocale()));
        }
        return "redirect:/library/resources/" + id + "#file";
    }

    @PostMapping("/resources/{id}/submit")
    String submit(@PathVariable long id, @RequestParam(required = false) Set<Long> reviewerIds,
            RedirectAttributes redirect) {
        return act(id, redirect, "library.submitted", "reviewError",
                () -> service.submit(id, reviewerIds == null ? Set.of() : reviewerIds));
    }

    @PostMapping("/resources/{id}/publish")
    String publish(@PathVariable long id, RedirectAttributes redirect) {
        return act(id, redirect, "library.published", "actionError", () -> service.publish(id));
    }

    @PostMapping("/resources/{id}/return")
    String returnToDraft(@PathVariable long id, @RequestParam(required = false) String comment,
            RedirectAttributes redirect) {
        return act(id, redirect, "library.returned", "actionError", () -> service.returnToDraft(id, comment));
    }

    @PostMapping("/resources/{id}/archive")
    String archive(@PathVariable long id, RedirectAttributes redirect) {
        return act(id, redirect, "library.archived", "actionError", () -> service.archive(id));
    }

    @PostMapping("/resources/{id}/new-version")
    String newVersion(@PathVariable long id, RedirectAttributes redirect) {
        return act(id, redirect, "library.newVersion", "actionError", () -> service.newVersion(id));
    }

    @PostMapping("/resources/{id}/comments")
    String comment(@PathVariable long id, @RequestParam(required = false) String body, RedirectAttributes redirect) {
        return act(id, redirect, "library.commented", "commentError", () -> service.comment(id, body));
    }

    @PostMapping("/resources/{id}/reviews")
    String rate(@PathVariable long id, @RequestParam(required = false) String rating,
            @RequestParam(required = false) String body, @RequestParam(required = false) String usedInCountry,
            @RequestParam(required = false) String usedInOrgType, @RequestParam(required = false) String outcome,
            RedirectAttributes redirect) {
        return act(id, redirect, "library.rated", "rateError", () -> service.rate(id,
                ResourceForm.integer(rating, "rating", "library.rating.invalid"), body, usedInCountry, usedInOrgType,
                outcome));
    }

    @PostMapping("/resources/{id}/reports")
    String report(@PathVariable long id, @RequestParam(required = false) String reason, RedirectAttributes redirect) {
        return act(id, redirect, "library.reported", "reportError", () -> service.reportOutdated(id, reason));
    }

    @PostMapping("/resources/{id}/reports/{reportId}/resolve")
    String resolve(@PathVariable long id, @PathVariable long reportId, RedirectAttributes redirect) {
        return act(id, redirect, "library.resolved", "actionError", () -> service.resolveReport(id, reportId));
    }

    private String act(long id, RedirectAttributes redirect, String done, String errorAttribute, Runnable action) {
        try {
            action.run();
            redirect.addFlashAttribute("flash", done);
        } catch (InvalidInputException e) {
            redirect.addFlashAttribute(errorAttribute, messages.getMessage(e, LocaleContextHolder.getLocale()));
        }
        return "redirect:/library/resources/" + id;
    }
}
