package org.capacityhub.matching.web;

import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

import org.capacityhub.matching.domain.Bookmark;
import org.capacityhub.matching.domain.BookmarkService;
import org.capacityhub.matching.domain.Exchange;
import org.capacityhub.matching.domain.ExchangeService;
import org.capacityhub.matching.domain.HelpRequest;
import org.capacityhub.matching.domain.PairingService;
import org.capacityhub.matching.domain.Profile;
import org.capacityhub.matching.domain.ProfileService;
import org.capacityhub.matching.domain.RequestService;
import org.capacityhub.matching.domain.Round;
import org.capacityhub.matching.ranking.Format;
import org.capacityhub.matching.ranking.Need;
import org.capacityhub.matching.ranking.Role;
import org.capacityhub.matching.ranking.Visibility;
import org.capacityhub.platform.InvalidInputException;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/**
 * The capacity exchange over REST, with the pages' rules: what one may not see is "not found" (404), what one may
 * not do is forbidden (403), bad input is a problem document (400). Helpers never carry contact details; an
 * exchange carries them only once the helper accepted.
 */
@RestController
@RequestMapping(value = "/api/v1/matching", produces = MediaType.APPLICATION_JSON_VALUE)
@Tag(name = "Matching", description = "Capacity exchange: profiles, requests, ranked helpers, exchanges, pairing")
class MatchingApiController {

    record ProfileJson(long id, String name, boolean organisation, Long organisationId, List<String> languages,
            String countryCode, String timeZone, String visibility, int ratingCount, List<EntryJson> entries) {}

    record EntryJson(long competencyId, Integer knowsRank, Integer wantsRank, Set<String> roles, Integer offerHours,
            Set<String> formats) {}

    record RequestJson(long id, String title, String status, long requesterProfileId, List<WantedJson> competencies,
            List<String> languages, String timeZone, String format, String urgency, Instant createdAt) {}

    record WantedJson(long competencyId, int targetRank) {}

    /** A null in a list is refused as a wrongly typed value (400 naming the field), not dereferenced. */
    record NewRequest(Long organisationId, String title, String description, @NoNullItems List<WantedJson> competencies,
            @NoNullItems List<String> languages, String timeZone, String format, String urgency) {}

    /** Refuses a list or set holding a null while reading the body: a 400 naming the field, not a 500 later. */
    @java.lang.annotation.Retention(java.lang.annotation.RetentionPolicy.RUNTIME)
    @com.fasterxml.jackson.annotation.JacksonAnnotationsInside
    @com.fasterxml.jackson.annotation.JsonSetter(contentNulls = com.fasterxml.jackson.annotation.Nulls.FAIL)
    @interface NoNullItems {}

    record HelperJson(long profileId, String name, boolean organisation, double score, String competency,
            boolean fullLoad, List<String> reasons) {}

    record ContactJson(String name, String email, String positionTitle) {}

    record ExchangeJson(long id, long requestId, long helperProfileId, String helperName, String state,
            int hoursPerMonth, ContactJson requesterContact, ContactJson helperContact) {}

    record NewRound(String title, Long competencyId, Integer mentorCapacity, Integer topK,
            Boolean avoidSameOrganisation) {}

    record PairJson(long menteeProfileId, Long mentorProfileId, Double score, String unassignedReason) {}

    record RoundJson(long id, String title, String state, int mentees, int mentors, int placed, double totalScore,
            int boundPlaced, double boundScore, boolean boundExact, long solveMillis, List<PairJson> pairs) {}

    private final ProfileService profiles;
    private final RequestService requests;
    private final ExchangeService exchanges;
    private final PairingService pairing;
    private final Views views;
    private final org.capacityhub.directory.Directory directory;
    private final BookmarkService bookmarks;
    private final org.capacityhub.matching.domain.ResourceRanking resources;

    MatchingApiController(ProfileService profiles, RequestService requests, ExchangeService exchanges,
            PairingService pairing, Views views, org.capacityhub.directory.Directory directory,
            BookmarkService bookmarks, org.capacityhub.matching.domain.ResourceRanking resources) {
        this.bookmarks = bookmarks;
        this.resources = resources;
        this.profiles = profiles;
        this.requests = requests;
        this.exchanges = exchanges;
        this.pairing = pairing;
        this.views = views;
        this.directory = directory;
    }

    @GetMapping("/profiles/{id}")
    @Operation(summary = "A capacity profile the caller may see")
    ProfileJson profile(@PathVariable long id) {
        Profile p = profiles.visible(id);
        return new ProfileJson(p.getId(), p.getDisplayName(), p.isOrganisation(), p.getOrganisationId(),
                p.languageList(), p.getCountryCode(), p.getTimeZone(), p.getVisibility().name(), p.getRatingCount(),
                p.getEntries().stream().map(e -> new EntryJson(e.getCompetencyId(), e.getKnowsRank(),
                        e.getWantsRank(), names(e.roles()), e.getOfferHours(), names(e.formats()))).toList());
    }

    @GetMapping("/competencies")
    @Operation(summary = "Competencies whose titles share words with free text (to map a need to competencies)")
    List<RequestService.CompetencySuggestion> competencies(@RequestParam String q,
            @RequestParam(defaultValue = "8") int limit) {
        if (limit < 1 || limit > 50 || q.length() > 300) {
            throw new InvalidInputException("q", "matching.limit", "Ask for 1 to 50 competencies, with a short text.");
        }
        return requests.suggest(q, limit);
    }

    record SettingsJson(@NoNullItems List<String> languages, String countryCode, String timeZone, String visibility) {}

    record EntryInput(Integer knowsRank, Integer wantsRank, @NoNullItems Set<String> roles, Integer offerHours,
            @NoNullItems Set<String> formats) {}

    @GetMapping("/profiles/mine")
    @Operation(summary = "The caller's own capacity profile (made from their directory facts the first time)")
    ProfileJson mine() {
        return profile(profiles.mine().getId());
    }

    @PostMapping("/organisations/{organisationId}/profile")
    @Operation(summary = "An organisation's capacity profile, made the first time (those who manage it)")
    ProfileJson organisationProfile(@PathVariable long organisationId) {
        return profile(profiles.ofOrganisation(organisationId).getId());
    }

    @PutMapping(value = "/profiles/{id}/settings", consumes = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "Languages, country, time zone and visibility of a profile one may change")
    ProfileJson settings(@PathVariable long id, @RequestBody SettingsJson in) {
        profiles.describe(id, in.languages() == null ? List.of() : in.languages(), in.countryCode(), in.timeZone(),
                in.visibility() == null ? null : parse(Visibility.class, in.visibility(), "visibility"));
        return profile(id);
    }

    @PutMapping(value = "/profiles/{id}/entries/{competencyId}", consumes = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "What a profile knows, offers and wants on one competency (nothing at all removes it)")
    ProfileJson entry(@PathVariable long id, @PathVariable long competencyId, @RequestBody EntryInput in) {
        java.util.EnumSet<Role> roles = java.util.EnumSet.noneOf(Role.class);
        (in.roles() == null ? Set.<String>of() : in.roles()).forEach(r -> roles.add(parse(Role.class, r, "roles")));
        java.util.EnumSet<Format> formats = java.util.EnumSet.noneOf(Format.class);
        (in.formats() == null ? Set.<String>of() : in.formats())
                .forEach(f -> formats.add(parse(Format.class, f, "formats")));
        profiles.saveEntry(id, competencyId, in.knowsRank(), roles, in.offerHours(), formats, in.wantsRank());
        return profile(id);
    }

    private static Set<String> names(Set<? extends Enum<?>> values) {
        return values.stream().map(Enum::name).collect(java.util.stream.Collectors.toSet());
    }

    @PostMapping(value = "/requests", consumes = MediaType.APPLICATION_JSON_VALUE)
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Ask for help on competencies (for oneself, or for an organisation one manages)")
    RequestJson createRequest(@RequestBody NewRequest in) {
        Format format = in.format() == null ? null : parse(Format.class, in.format(), "format");
        HelpRequest.Urgency urgency = in.urgency() == null ? null
                : parse(HelpRequest.Urgency.class, in.urgency(), "urgency");
        HelpRequest r = requests.create(new RequestService.RequestInput(in.organisationId(), in.title(),
                in.description(), in.competencies() == null ? List.of() : in.competencies().stream()
                        .map(w -> new RequestService.WantedInput(w.competencyId(), w.targetRank())).toList(),
                in.languages(), in.timeZone(), format, urgency, null));
        return json(r);
    }

    private static <E extends Enum<E>> E parse(Class<E> type, String value, String field) {
        try {
            return Enum.valueOf(type, value);
        } catch (IllegalArgumentException e) {
            throw new InvalidInputException(field, "matching.choice.unknown", "Unknown choice: " + value);
        }
    }

    @GetMapping("/requests/{id}")
    @Operation(summary = "A request the caller made or acts for")
    RequestJson request(@PathVariable long id) {
        return json(requests.view(id));
    }

    private static RequestJson json(HelpRequest r) {
        return new RequestJson(r.getId(), r.getTitle(), r.getStatus().name(), r.getRequester().getId(),
                r.getCompetencies().stream().map(w -> new WantedJson(w.getCompetencyId(), w.getTargetRank())).toList(),
                r.languageList(), r.getTimeZone(), r.getFormat() == null ? null : r.getFormat().name(),
                r.getUrgency().name(), r.getCreatedAt());
    }

    @GetMapping("/requests/{id}/helpers")
    @Operation(summary = "Helpers for a request, best first, with why each matches (no contact details)")
    List<HelperJson> helpers(@PathVariable long id, @RequestParam(defaultValue = "20") int limit) {
        if (limit < 1 || limit > 100) {
            throw new InvalidInputException("limit", "matching.limit", "Ask for 1 to 100 helpers.");
        }
        HelpRequest r = requests.view(id);
        Need need = requests.need(r);
        Locale locale = LocaleContextHolder.getLocale();
        return views.helpers(need, requests.rank(need, c -> true, limit), locale).stream()
                .map(h -> new HelperJson(h.profileId(), h.name(), h.organisation(), h.percent() / 100.0,
                        h.competency(), h.fullLoad(), h.reasons())).toList();
    }

    record ResourceJson(long id, String title, String kind, String url, double score, String competency,
            List<String> reasons) {}

    @GetMapping("/requests/{id}/resources")
    @Operation(summary = "Library resources for a request, best first, with why each matches (only those the caller "
            + "may read)")
    List<ResourceJson> resources(@PathVariable long id, @RequestParam(defaultValue = "10") int limit) {
        if (limit < 1 || limit > 100) {
            throw new InvalidInputException("limit", "matching.limit.resources", "Ask for 1 to 100 resources.");
        }
        HelpRequest r = requests.view(id);
        Need need = requests.need(r);
        return views.resources(need, resources.rank(id, limit), LocaleContextHolder.getLocale()).stream()
                .map(v -> new ResourceJson(v.id(), v.title(), v.kind(), "/library/resources/" + v.id(),
                        v.percent() / 100.0, v.competency(), v.reasons())).toList();
    }

    @GetMapping("/exchanges/{id}")
    @Operation(summary = "An exchange the caller is a side of; contact details only once the helper accepted")
    ExchangeJson exchange(@PathVariable long id) {
        Exchange x = exchanges.view(id);
        ContactJson requester = null;
        ContactJson helper = null;
        if (x.contactRevealed()) {
            requester = directory.person(x.getRequest().getCreatedByPersonId())
                    .map(p -> new ContactJson(p.fullName(), p.email(), p.positionTitle())).orElse(null);
            helper = directory.person(x.getHelper().getContactPersonId())
                    .map(p -> new ContactJson(p.fullName(), p.email(), p.positionTitle())).orElse(null);
        }
        return new ExchangeJson(x.getId(), x.getRequest().getId(), x.getHelper().getId(),
                x.getHelper().getDisplayName(), x.getState().name(), x.getHoursPerMonth(), requester, helper);
    }

    @PostMapping(value = "/rounds", consumes = MediaType.APPLICATION_JSON_VALUE)
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Compute a pairing round (a draft: nobody is notified until it is confirmed)")
    RoundJson createRound(@RequestBody NewRound in) {
        if (in.competencyId() == null) {
            throw new InvalidInputException("competencyId", "matching.competency.unknown",
                    "Choose a competency of a framework.");
        }
        Round r = pairing.create(in.title(), in.competencyId(), in.mentorCapacity() == null ? 3 : in.mentorCapacity(),
                in.topK() == null ? 10 : in.topK(), in.avoidSameOrganisation() == null || in.avoidSameOrganisation());
        return json(r);
    }

    @GetMapping("/rounds/{id}")
    @Operation(summary = "A pairing round the caller made")
    RoundJson round(@PathVariable long id) {
        return json(pairing.view(id));
    }

    @PostMapping("/rounds/{id}/confirm")
    @Operation(summary = "Confirm a round: propose its exchanges and notify mentors and mentees")
    RoundJson confirm(@PathVariable long id) {
        pairing.confirm(id);
        return json(pairing.view(id));
    }

    private static RoundJson json(Round r) {
        return new RoundJson(r.getId(), r.getTitle(), r.getState(), r.getMentees(), r.getMentors(), r.getPlaced(),
                r.getTotalScore(), r.getBoundPlaced(), r.getBoundScore(), r.isBoundExact(), r.getSolveMillis(),
                r.getRows().stream().map(row -> new PairJson(row.getMenteeProfileId(), row.getMentorProfileId(),
                        row.getScore(), row.getReason())).toList());
    }

    record BookmarkJson(long profileId, String name, boolean organisation, String note, Instant savedAt) {}

    record BookmarkInput(String note) {}

    @GetMapping("/bookmarks")
    @Operation(summary = "The caller's saved profiles they may still see, newest first (never contact details)")
    List<BookmarkJson> bookmarks() {
        return bookmarks.mine().stream().map(MatchingApiController::json).toList();
    }

    @PutMapping(value = "/bookmarks/{profileId}", consumes = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "Save a profile the caller may see, with an optional note (again: replaces the note)")
    BookmarkJson saveBookmark(@PathVariable long profileId, @RequestBody(required = false) BookmarkInput in) {
        return json(bookmarks.save(profileId, in == null ? null : in.note()));
    }

    @DeleteMapping("/bookmarks/{profileId}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    @Operation(summary = "Remove a saved profile")
    void removeBookmark(@PathVariable long profileId) {
        bookmarks.remove(profileId);
    }

    private static BookmarkJson json(Bookmark b) {
        return new BookmarkJson(b.getProfile().getId(), b.getProfile().getDisplayName(),
                b.getProfile().isOrganisation(), b.getNote(), b.getCreatedAt());
    }
}
