package org.capacityhub.matching.web;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import jakarta.servlet.http.HttpServletResponse;

import org.capacityhub.assessment.AssessmentGaps;
import org.capacityhub.assessment.CompetencyGap;
import org.capacityhub.directory.Directory;
import org.capacityhub.directory.DirectoryAccess;
import org.capacityhub.matching.domain.Bookmark;
import org.capacityhub.matching.domain.BookmarkService;
import org.capacityhub.matching.domain.Exchange;
import org.capacityhub.matching.domain.ExchangeMessage;
import org.capacityhub.matching.domain.ExchangeService;
import org.capacityhub.matching.domain.GapReport;
import org.capacityhub.matching.domain.HelpRequest;
import org.capacityhub.matching.domain.PairingService;
import org.capacityhub.matching.domain.Profile;
import org.capacityhub.matching.domain.ProfileEntry;
import org.capacityhub.matching.domain.ProfileService;
import org.capacityhub.matching.domain.RequestService;
import org.capacityhub.matching.domain.ResourceRanking;
import org.capacityhub.matching.ranking.Format;
import org.capacityhub.matching.ranking.Need;
import org.capacityhub.matching.ranking.Regions;
import org.capacityhub.matching.ranking.Role;
import org.capacityhub.matching.ranking.Visibility;
import org.capacityhub.platform.Countries;
import org.capacityhub.platform.InvalidInputException;
import org.capacityhub.platform.UserFacingException;
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
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** The capacity exchange's pages: overview, profiles, requests with ranked helpers, exchanges, gaps, search. */
@Controller
@RequestMapping("/matching")
class MatchingController {

    static final int HELPERS_SHOWN = 20;
    static final int RESOURCES_SHOWN = 10;

    private final ProfileService profiles;
    private final RequestService requests;
    private final ExchangeService exchanges;
    private final PairingService pairing;
    private final Competencies competencies;
    private final Views views;
    private final Directory directory;
    private final DirectoryAccess access;
    private final BookmarkService bookmarks;
    private final ResourceRanking resources;

    MatchingController(ProfileService profiles, RequestService requests, ExchangeService exchanges,
            PairingService pairing, Competencies competencies, Views views, Directory directory,
            DirectoryAccess access, BookmarkService bookmarks, ResourceRanking resources) {
        this.bookmarks = bookmarks;
        this.resources = resources;
        this.profiles = profiles;
        this.requests = requests;
        this.exchanges = exchanges;
        this.pairing = pairing;
        this.competencies = competencies;
        this.views = views;
        this.directory = directory;
        this.access = access;
    }

    @GetMapping
    String overview(Model model) {
        model.addAttribute("requests", requests.mine());
        List<Exchange> mine = exchanges.mine();
        model.addAttribute("exchanges", mine);
        model.addAttribute("gapReports", profiles.gapReports());
        model.addAttribute("organisations", managedOrganisations());
        model.addAttribute("canPair", pairing.canPair());
        return "matching/overview";
    }

    private List<Directory.OrganisationSummary> managedOrganisations() {
        if (access.isAdministrator()) {
            return List.of();
        }
        return directory.organisations(access.manageableOrganisationIds());
    }

    // ---- profiles

    @GetMapping("/profile")
    String myProfile() {
        return "redirect:/matching/profiles/" + profiles.mine().getId();
    }

    @PostMapping("/organisations/{organisationId}/profile")
    String organisationProfile(@PathVariable long organisationId) {
        return "redirect:/matching/profiles/" + profiles.ofOrganisation(organisationId).getId();
    }

    @GetMapping("/profiles/{id}")
    String profile(@PathVariable long id, Model model) {
        Profile p = profiles.visible(id);
        boolean canEdit = profiles.canEdit(p);
        SettingsForm settings = new SettingsForm();
        settings.setLanguages(String.join(", ", p.languageList()));
        settings.setCountryCode(p.getCountryCode());
        settings.setTimeZone(p.getTimeZone());
        settings.setVisibility(p.getVisibility().name());
        if (!model.containsAttribute("settings")) {
            model.addAttribute("settings", settings);
        }
        return profilePage(p, canEdit, model);
    }

    private String profilePage(Profile p, boolean canEdit, Model model) {
        Locale locale = LocaleContextHolder.getLocale();
        model.addAttribute("profile", p);
        model.addAttribute("canEdit", canEdit);
        model.addAttribute("entries", p.getEntries().stream().map(e -> new EntryView(e.getCompetencyId(),
                competencies.title(e.getCompetencyId()), competencies.levelTitle(e.getCompetencyId(), e.getKnowsRank()),
                competencies.levelTitle(e.getCompetencyId(), e.getWantsRank()), e.roles(), e.getOfferHours(),
                e.formats(), e.getSource())).toList());
        model.addAttribute("countryName", p.getCountryCode() == null ? null : Countries.name(p.getCountryCode(), locale));
        model.addAttribute("countries", Countries.all(locale));
        model.addAttribute("visibilities", Visibility.values());
        model.addAttribute("groups", competencies.groups());
        model.addAttribute("rating", p.getRatingCount() == 0 ? null
                : String.format(locale, "%.1f", (double) p.getRatingSum() / p.getRatingCount()));
        Bookmark bookmark = canEdit ? null : bookmarks.of(p.getId()).orElse(null);
        model.addAttribute("bookmark", bookmark);
        if (!model.containsAttribute("bookmarkForm")) {
            BookmarkForm form = new BookmarkForm();
            form.setNote(bookmark == null ? null : bookmark.getNote());
            model.addAttribute("bookmarkForm", form);
        }
        return "matching/profile";
    }

    record EntryView(long competencyId, String title, String knows, String wants, Set<Role> roles, Integer hours,
            Set<Format> formats, String source) {}

    @PostMapping("/profiles/{id}/settings")
    String saveSettings(@PathVariable long id, @ModelAttribute("settings") SettingsForm form, BindingResult result,
            Model model, HttpServletResponse response, RedirectAttributes redirect) {
        Profile p = profiles.editable(id);
        try {
            Visibility visibility = form.getVisibility() == null ? null : Visibility.valueOf(form.getVisibility());
            profiles.describe(id, Forms.languages(form.getLanguages()), form.getCountryCode(), form.getTimeZone(),
                    visibility);
            redirect.addFlashAttribute("flash", "matching.saved");
            return "redirect:/matching/profiles/" + id;
        } catch (UserFacingException e) {
            Forms.bind(e, result, Set.of("languages", "countryCode", "timeZone", "visibility"));
        } catch (IllegalArgumentException e) {
            result.rejectValue("visibility", "matching.visibility.required");
        }
        response.setStatus(HttpStatus.BAD_REQUEST.value());
        return profilePage(p, true, model);
    }

    @GetMapping("/profiles/{id}/entries")
    String entryForm(@PathVariable long id, @RequestParam(required = false) Long competencyId, Model model) {
        Profile p = profiles.editable(id);
        if (competencyId == null || competencies.competency(competencyId).isEmpty()) {
            throw new InvalidInputException("competencyId", "matching.competency.unknown",
                    "Choose a competency of a framework.");
        }
        EntryForm form = new EntryForm();
        form.setCompetencyId(competencyId);
        p.entry(competencyId).ifPresent(e -> {
            form.setKnowsRank(e.getKnowsRank());
            form.setWantsRank(e.getWantsRank());
            form.setOfferHours(e.getOfferHours());
            e.roles().forEach(r -> form.getRoles().add(r.name()));
            e.formats().forEach(f -> form.getFormats().add(f.name()));
        });
        return entryPage(p, form, model);
    }

    private String entryPage(Profile p, EntryForm form, Model model) {
        model.addAttribute("profile", p);
        model.addAttribute("form", form);
        model.addAttribute("competencyTitle", competencies.title(form.getCompetencyId()));
        model.addAttribute("levels", competencies.levels(form.getCompetencyId()));
        model.addAttribute("roles", Role.values());
        model.addAttribute("formats", Format.values());
        return "matching/entry";
    }

    @PostMapping("/profiles/{id}/entries")
    String saveEntry(@PathVariable long id, @ModelAttribute("form") EntryForm form, BindingResult result, Model model,
            HttpServletResponse response, RedirectAttributes redirect) {
        Profile p = profiles.editable(id);
        if (form.getCompetencyId() == null) {
            throw new InvalidInputException("competencyId", "matching.competency.unknown",
                    "Choose a competency of a framework.");
        }
        if (!result.hasErrors()) {
            try {
                Set<Role> roles = EnumSet.noneOf(Role.class);
                form.getRoles().forEach(r -> roles.add(Role.valueOf(r)));
                Set<Format> formats = EnumSet.noneOf(Format.class);
                form.getFormats().forEach(f -> formats.add(Format.valueOf(f)));
                profiles.saveEntry(id, form.getCompetencyId(), form.getKnowsRank(), roles, form.getOfferHours(),
                        formats, form.getWantsRank());
                redirect.addFlashAttribute("flash", "matching.saved");
                return "redirect:/matching/profiles/" + id;
            } catch (UserFacingException e) {
                Forms.bind(e, result, Set.of("knowsRank", "wantsRank", "offerHours", "roles", "formats"));
            } catch (IllegalArgumentException e) {
                result.reject("matching.choice.unknown");
            }
        }
        response.setStatus(HttpStatus.BAD_REQUEST.value());
        return entryPage(p, form, model);
    }

    @PostMapping("/profiles/{id}/entries/{competencyId}/delete")
    String removeEntry(@PathVariable long id, @PathVariable long competencyId, RedirectAttributes redirect) {
        profiles.removeEntry(id, competencyId);
        redirect.addFlashAttribute("flash", "matching.removed");
        return "redirect:/matching/profiles/" + id;
    }

    // ---- bookmarks

    @GetMapping("/saved")
    String saved(Model model) {
        model.addAttribute("bookmarks", bookmarks.mine().stream().map(b -> new SavedView(b.getProfile().getId(),
                b.getProfile().getDisplayName(), b.getProfile().isOrganisation(), b.getNote(), b.getCreatedAt(),
                b.getProfile().getEntries().stream().filter(e -> !e.roles().isEmpty())
                        .map(e -> competencies.title(e.getCompetencyId())).toList())).toList());
        return "matching/saved";
    }

    /** A saved profile: name, kind, the competencies it offers, one's note (never contact details). */
    record SavedView(long profileId, String name, boolean organisation, String note, java.time.Instant savedAt,
            List<String> offers) {}

    @PostMapping("/profiles/{id}/bookmark")
    String bookmark(@PathVariable long id, @ModelAttribute("bookmarkForm") BookmarkForm form, BindingResult result,
            Model model, HttpServletResponse response, RedirectAttributes redirect) {
        try {
            bookmarks.save(id, form.getNote());
            redirect.addFlashAttribute("flash", "matching.bookmark.saved");
            return "redirect:/matching/profiles/" + id;
        } catch (UserFacingException e) {
            if (!"note".equals(e.field())) {
                throw e;
            }
            Forms.bind(e, result, Set.of("note"));
        }
        response.setStatus(HttpStatus.BAD_REQUEST.value());
        Profile p = profiles.visible(id);
        return profilePage(p, profiles.canEdit(p), model);
    }

    @PostMapping("/profiles/{id}/bookmark/delete")
    String removeBookmark(@PathVariable long id, @RequestParam(required = false) String from,
            RedirectAttributes redirect) {
        bookmarks.remove(id);
        redirect.addFlashAttribute("flash", "matching.bookmark.removed");
        return "saved".equals(from) ? "redirect:/matching/saved" : "redirect:/matching/profiles/" + id;
    }

    // ---- gaps

    @GetMapping("/gaps/{reportId}")
    String gaps(@PathVariable long reportId, Model model) {
        AssessmentGaps gaps = profiles.gaps(reportId);
        List<GapView> rows = new ArrayList<>();
        for (CompetencyGap g : gaps.gaps()) {
            if (g.gap() != null && g.gap() > 0) {
                rows.add(new GapView(g.competencyId(), competencies.title(g.competencyId()),
                        competencies.levelTitle(g.competencyId(), g.currentRank()),
                        competencies.levelTitle(g.competencyId(), g.targetRank()), g.targetRank(), g.gap()));
            }
        }
        model.addAttribute("reportId", reportId);
        model.addAttribute("gaps", gaps);
        model.addAttribute("rows", rows);
        model.addAttribute("organisation", directory.organisation(gaps.organisationId()).orElseThrow());
        model.addAttribute("canManage", access.canManage(gaps.organisationId()));
        return "matching/gaps";
    }

    record GapView(long competencyId, String title, String current, String target, int targetRank, int gap) {}

    @PostMapping("/gaps/{reportId}/needs")
    String gapsToNeeds(@PathVariable long reportId, RedirectAttributes redirect) {
        profiles.gapsToNeeds(reportId);
        AssessmentGaps gaps = profiles.gaps(reportId);
        redirect.addFlashAttribute("flash", "matching.gaps.added");
        return "redirect:/matching/profiles/" + profiles.ofOrganisation(gaps.organisationId()).getId();
    }

    // ---- requests

    @GetMapping("/requests/new")
    String newRequest(@ModelAttribute("form") RequestForm form, @RequestParam(required = false) Long gapReport,
            @RequestParam(required = false) Long competencyId, Model model) {
        if (gapReport != null && competencyId != null) {
            AssessmentGaps gaps = profiles.gaps(gapReport);
            CompetencyGap gap = gaps.gaps().stream().filter(g -> g.competencyId() == competencyId).findFirst()
                    .orElseThrow(() -> new InvalidInputException("competencyId", "matching.competency.unknown",
                            "Choose a competency of a framework."));
            form.setOrganisationId(gaps.organisationId());
            form.setAssessmentId(gaps.assessmentId());
            form.getCompetencyIds().add(competencyId);
            form.setTargetRank(gap.targetRank());
            if (form.getTitle() == null) {
                form.setTitle(competencies.title(competencyId));
            }
        } else if (competencyId != null) {
            form.getCompetencyIds().add(competencyId);
        }
        if (form.getLanguages() == null) {
            Profile mine = profiles.mine();
            form.setLanguages(String.join(", ", mine.languageList().isEmpty()
                    ? List.of(LocaleContextHolder.getLocale().getLanguage()) : mine.languageList()));
            form.setTimeZone(mine.getTimeZone());
        }
        if (form.getQ() != null && !form.getQ().isBlank()) {
            var suggestions = requests.suggest(form.getQ(), 8);
            model.addAttribute("suggestions", suggestions);
            if (form.getCompetencyIds().isEmpty()) {
                suggestions.stream().limit(1).forEach(s -> form.getCompetencyIds().add(s.id()));
            }
            if (form.getTitle() == null) {
                form.setTitle(form.getQ().strip());
            }
        }
        return requestForm(form, model);
    }

    private String requestForm(RequestForm form, Model model) {
        model.addAttribute("groups", competencies.groups());
        model.addAttribute("organisations", managedOrganisations());
        model.addAttribute("formats", Format.values());
        model.addAttribute("urgencies", HelpRequest.Urgency.values());
        model.addAttribute("targetTitle", form.getTargetRank() != null && form.getCompetencyIds().size() == 1
                ? competencies.levelTitle(form.getCompetencyIds().get(0), form.getTargetRank()) : null);
        return "matching/request-form";
    }

    @PostMapping("/requests")
    String createRequest(@ModelAttribute("form") RequestForm form, BindingResult result, Model model,
            HttpServletResponse response) {
        if (!result.hasErrors()) {
            try {
                Format format = form.getFormat() == null || form.getFormat().isBlank() ? null
                        : Format.valueOf(form.getFormat());
                HelpRequest.Urgency urgency = form.getUrgency() == null || form.getUrgency().isBlank() ? null
                        : HelpRequest.Urgency.valueOf(form.getUrgency());
                Integer rank = form.getCompetencyIds().size() == 1 ? form.getTargetRank() : null;
                HelpRequest r = requests.create(new RequestService.RequestInput(form.getOrganisationId(),
                        form.getTitle(), form.getDescription(), form.getCompetencyIds().stream()
                                .map(id -> new RequestService.WantedInput(id, rank)).toList(),
                        Forms.languages(form.getLanguages()), form.getTimeZone(), format, urgency,
                        form.getAssessmentId()));
                return "redirect:/matching/requests/" + r.getId();
            } catch (UserFacingException e) {
                Forms.bind(e, result, Set.of("title", "description", "competencyIds", "languages", "timeZone",
                        "targetRank"));
            } catch (IllegalArgumentException e) {
                result.reject("matching.choice.unknown");
            }
        }
        response.setStatus(HttpStatus.BAD_REQUEST.value());
        return requestForm(form, model);
    }

    @GetMapping("/requests/{id}")
    String request(@PathVariable long id, Model model) {
        HelpRequest r = requests.view(id);
        Need need = requests.need(r);
        Locale locale = LocaleContextHolder.getLocale();
        model.addAttribute("request", r);
        model.addAttribute("wanted", r.getCompetencies().stream().map(w -> new WantedView(w.getCompetencyId(),
                competencies.title(w.getCompetencyId()),
                competencies.levelTitle(w.getCompetencyId(), w.getTargetRank()))).toList());
        model.addAttribute("helpers", views.helpers(need, requests.rank(need, c -> true, HELPERS_SHOWN), locale));
        model.addAttribute("resources", views.resources(need, resources.rank(id, RESOURCES_SHOWN), locale));
        List<Exchange> list = exchanges.ofRequest(id);
        model.addAttribute("exchanges", list);
        Set<Long> contacted = new HashSet<>();
        list.stream().filter(Exchange::open).forEach(x -> contacted.add(x.getHelper().getId()));
        model.addAttribute("contacted", contacted);
        model.addAttribute("languageNames", r.languageList().stream()
                .map(l -> Locale.forLanguageTag(l).getDisplayLanguage(locale)).toList());
        return "matching/request";
    }

    record WantedView(long competencyId, String title, String level) {}

    @PostMapping("/requests/{id}/contact")
    String contact(@PathVariable long id, @RequestParam long helperProfileId,
            @RequestParam(required = false) String message) {
        Exchange x = exchanges.contact(id, helperProfileId, message);
        return "redirect:/matching/exchanges/" + x.getId();
    }

    @PostMapping("/requests/{id}/close")
    String close(@PathVariable long id, RedirectAttributes redirect) {
        requests.close(id);
        redirect.addFlashAttribute("flash", "matching.request.closed");
        return "redirect:/matching/requests/" + id;
    }

    // ---- exchanges

    @GetMapping("/exchanges/{id}")
    String exchange(@PathVariable long id, Model model) {
        Exchange x = exchanges.view(id);
        boolean helperSide = exchanges.isHelperSide(x);
        boolean requesterSide = exchanges.isRequesterSide(x);
        model.addAttribute("exchange", x);
        model.addAttribute("helperSide", helperSide);
        model.addAttribute("requesterSide", requesterSide);
        model.addAttribute("competency", competencies.title(x.getCompetencyId()));
        Set<Long> authors = new HashSet<>();
        x.getMessages().stream().map(ExchangeMessage::getAuthorPersonId).filter(a -> a != null).forEach(authors::add);
        authors.add(x.getRequest().getCreatedByPersonId());
        authors.add(x.getHelper().getContactPersonId());
        Map<Long, String> names = views.names(authors);
        model.addAttribute("names", names);
        if (x.contactRevealed()) {
            Map<String, Directory.PersonSummary> contacts = new LinkedHashMap<>();
            directory.person(x.getRequest().getCreatedByPersonId()).ifPresent(p -> contacts.put("requester", p));
            directory.person(x.getHelper().getContactPersonId()).ifPresent(p -> contacts.put("helper", p));
            model.addAttribute("contacts", contacts);
        }
        boolean rated = requesterSide ? x.getRequesterRating() != null : x.getHelperRating() != null;
        model.addAttribute("canRate", x.getState() == Exchange.State.COMPLETED && !rated);
        return "matching/exchange";
    }

    @PostMapping("/exchanges/{id}/messages")
    String write(@PathVariable long id, @RequestParam(required = false) String body) {
        exchanges.write(id, body);
        return "redirect:/matching/exchanges/" + id + "#history";
    }

    @PostMapping("/exchanges/{id}/{step:accept|decline|start|complete}")
    String step(@PathVariable long id, @PathVariable String step, RedirectAttributes redirect) {
        switch (step) {
            case "accept" -> exchanges.accept(id);
            case "decline" -> exchanges.decline(id);
            case "start" -> exchanges.start(id);
            default -> exchanges.complete(id);
        }
        redirect.addFlashAttribute("flash", "matching.exchange.done." + step);
        return "redirect:/matching/exchanges/" + id;
    }

    @PostMapping("/exchanges/{id}/feedback")
    String feedback(@PathVariable long id, @RequestParam(required = false) Integer rating,
            @RequestParam(required = false) String comment, RedirectAttributes redirect) {
        exchanges.feedback(id, rating == null ? 0 : rating, comment);
        redirect.addFlashAttribute("flash", "matching.feedback.thanks");
        return "redirect:/matching/exchanges/" + id;
    }

    // ---- search by capacity

    @GetMapping("/search")
    String search(@RequestParam(required = false) Long competencyId, @RequestParam(required = false) String language,
            @RequestParam(required = false) String region, Model model) {
        Locale locale = LocaleContextHolder.getLocale();
        model.addAttribute("groups", competencies.groups());
        model.addAttribute("regions", Regions.regions());
        model.addAttribute("competencyId", competencyId);
        model.addAttribute("language", language);
        model.addAttribute("region", region);
        if (competencyId != null) {
            if (competencies.competency(competencyId).isEmpty()) {
                throw new InvalidInputException("competencyId", "matching.competency.unknown",
                        "Choose a competency of a framework.");
            }
            String lang = language == null || language.isBlank() ? null : language.strip().toLowerCase(Locale.ROOT);
            String reg = region == null || region.isBlank() ? null : region;
            Need need = requests.searchNeed(competencyId, lang);
            model.addAttribute("helpers", views.helpers(need, requests.rank(need,
                    c -> (lang == null || c.languages().contains(lang))
                            && (reg == null || reg.equals(Regions.regionOf(c.countryCode()))), HELPERS_SHOWN),
                    locale));
        }
        return "matching/search";
    }
}
