package org.capacityhub.planning.web;

import java.math.BigDecimal;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

import org.capacityhub.planning.DeliveryMode;
import org.capacityhub.planning.PlanConstraints;
import org.capacityhub.planning.domain.Intervention;
import org.capacityhub.planning.domain.ItemDetails;
import org.capacityhub.planning.domain.ItemKind;
import org.capacityhub.planning.domain.ItemStatus;
import org.capacityhub.planning.domain.PlanService;
import org.capacityhub.planning.domain.PlanViews;
import org.capacityhub.planning.domain.TemplateService;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Plans over REST: the same rules as the pages (a plan the caller may not see is "not found", a change they may not
 * make is refused with 403), errors as problem documents.
 */
@RestController
@RequestMapping(value = "/api/v1/plans", produces = MediaType.APPLICATION_JSON_VALUE)
@Tag(name = "Plans", description = "Customised capacity-building plans made from assessment gaps")
class PlanApiController {

    private final PlanService service;
    private final TemplateService templates;
    private final PlanExports exports;

    PlanApiController(PlanService service, TemplateService templates, PlanExports exports) {
        this.service = service;
        this.templates = templates;
        this.exports = exports;
    }

    record ConstraintsBody(Set<@NotNull DeliveryMode> modes, @Min(0) @Max(744) Integer maxHoursPerMonth,
            @Min(0) BigDecimal maxCost, @Size(max = 3) String currency, LocalDate deadline) {

        PlanConstraints constraints() {
            return new PlanConstraints(modes, maxHoursPerMonth, maxCost, currency, deadline);
        }
    }

    record GenerateRequest(@NotNull Long assessmentId, Long targetProfileId, @NotNull Long organisationId,
            @Size(max = 200) String title, Set<@NotNull Long> competencyIds,
            @NotNull @Size(min = 1, max = 9) Set<@NotNull String> languages,
            @Valid ConstraintsBody constraints) {}

    record PlanRequest(@NotBlank @Size(max = 200) String title,
            @NotNull @Size(min = 1, max = 9) Set<@NotNull String> languages,
            @Valid ConstraintsBody constraints) {}

    record ItemRequest(Long gapId, ItemKind kind, Intervention intervention, @NotBlank @Size(max = 300) String title,
            @Size(max = 1000) String url, @Size(max = 200) String owner, Long ownerPersonId, LocalDate startsOn,
            LocalDate dueOn, @Min(0) Integer hours, @Min(0) BigDecimal costAmount, @Size(max = 3) String costCurrency,
            DeliveryMode mode) {

        ItemDetails details() {
            return new ItemDetails(title, url, owner, ownerPersonId, startsOn, dueOn, hours, costAmount, costCurrency,
                    mode);
        }
    }

    record ProgressRequest(@NotNull ItemStatus status, @Min(0) @Max(100) int progress) {}

    record TransitionRequest(@NotBlank String action, @Size(max = 1000) String note) {}

    record ExpectationRequest(@Size(max = 200) String participant, @NotBlank @Size(max = 2000) String expectations,
            @Size(max = 2000) String motivations) {}

    record TemplateRequest(@NotBlank @Size(max = 200) String name, @Size(max = 2000) String description) {}

    record ApplyRequest(@NotNull @Size(min = 1, max = TemplateService.MAX_ORGANISATIONS) Set<@NotNull Long> organisationIds) {}

    @GetMapping
    @Operation(summary = "The plans the caller may see, most recently changed first")
    List<PlanViews.Summary> list() {
        return service.visiblePlans();
    }

    @GetMapping("/gaps")
    @Operation(summary = "The gaps of a final assessment, ordered by priority (gap x weight, then people sharing it), "
            + "with the barriers recorded; without targetProfile, the profile for the organisation's type or else "
            + "the highest level of the scale")
    PlanViews.GapsView gaps(@RequestParam long assessmentId, @RequestParam(required = false) Long targetProfile) {
        return service.gaps(assessmentId, targetProfile);
    }

    @PostMapping(consumes = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "Generate a draft plan from a final assessment's gaps, for the organisation or one of its "
            + "units: objectives, fitting suggestions of every source, uncovered gaps, interventions for barriers")
    ResponseEntity<PlanViews.PlanView> generate(@Valid @RequestBody GenerateRequest r) {
        long id = service.generate(new PlanService.GenerateInput(r.assessmentId(), r.targetProfileId(),
                r.organisationId(), r.title(), r.competencyIds(), r.languages(),
                r.constraints() == null ? PlanConstraints.NONE : r.constraints().constraints()));
        return ResponseEntity.created(URI.create("/api/v1/plans/" + id)).body(service.view(id));
    }

    record PersonGenerateRequest(@NotNull Long frameworkVersionId, @Size(max = 200) String title,
            Set<@NotNull Long> competencyIds, @Size(max = 9) Set<@NotNull String> languages,
            @Valid ConstraintsBody constraints) {}

    @GetMapping("/mine/gaps")
    @Operation(summary = "The caller's own gaps from their latest submitted self-assessment of a framework version, "
            + "ordered by priority (gap x weight, then people of their organisation sharing it; fewer than 5 never "
            + "exactly); 404 when they submitted none of it")
    PlanViews.PersonGapsView myGaps(@RequestParam long frameworkVersionId) {
        return service.myGaps(frameworkVersionId);
    }

    @PostMapping(value = "/mine", consumes = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "Generate a draft plan for the caller from their own gaps (same fit rule and sources; "
            + "languages default to the caller's); only they see it until they share it")
    ResponseEntity<PlanViews.PlanView> generateMine(@Valid @RequestBody PersonGenerateRequest r) {
        long id = service.generateForMe(new PlanService.PersonGenerateInput(r.frameworkVersionId(), r.title(),
                r.competencyIds(), r.languages() == null ? Set.of() : r.languages(),
                r.constraints() == null ? PlanConstraints.NONE : r.constraints().constraints()));
        return ResponseEntity.created(URI.create("/api/v1/plans/" + id)).body(service.view(id));
    }

    @PostMapping("/{id}/share")
    @Operation(summary = "The person shares their own plan with its reviewer and their organisation's focal points")
    PlanViews.PlanView share(@PathVariable long id) {
        service.share(id);
        return service.view(id);
    }

    @PostMapping("/{id}/unshare")
    @Operation(summary = "The person takes their own plan back (only while it is a draft)")
    PlanViews.PlanView unshare(@PathVariable long id) {
        service.unshare(id);
        return service.view(id);
    }

    @GetMapping("/{id}")
    @Operation(summary = "A plan with its gaps, activities, expectations and history")
    PlanViews.PlanView get(@PathVariable long id) {
        return service.view(id);
    }

    @PutMapping(value = "/{id}", consumes = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "Change a draft plan's title, languages and constraints")
    PlanViews.PlanView describe(@PathVariable long id, @Valid @RequestBody PlanRequest r) {
        service.describe(id, r.title(), r.languages(),
                r.constraints() == null ? PlanConstraints.NONE : r.constraints().constraints());
        return service.view(id);
    }

    @PostMapping(value = "/{id}/items", consumes = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "Add a custom activity or a non-learning intervention (optionally for one gap)")
    ResponseEntity<PlanViews.PlanView> addItem(@PathVariable long id, @Valid @RequestBody ItemRequest r) {
        service.addItem(id, r.gapId(), r.kind(), r.intervention(), r.details());
        return ResponseEntity.created(URI.create("/api/v1/plans/" + id)).body(service.view(id));
    }

    @PutMapping(value = "/{id}/items/{itemId}", consumes = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "Change an activity's title, link, owner, dates, effort, cost and delivery mode")
    PlanViews.PlanView describeItem(@PathVariable long id, @PathVariable long itemId,
            @Valid @RequestBody ItemRequest r) {
        service.describeItem(id, itemId, r.details());
        return service.view(id);
    }

    @DeleteMapping("/{id}/items/{itemId}")
    @Operation(summary = "Remove an activity from a draft plan")
    PlanViews.PlanView removeItem(@PathVariable long id, @PathVariable long itemId) {
        service.removeItem(id, itemId);
        return service.view(id);
    }

    @PostMapping("/{id}/items/{itemId}/move")
    @Operation(summary = "Move an activity one place up (delta < 0) or down (delta > 0)")
    PlanViews.PlanView moveItem(@PathVariable long id, @PathVariable long itemId, @RequestParam int delta) {
        service.moveItem(id, itemId, delta);
        return service.view(id);
    }

    @PutMapping(value = "/{id}/items/{itemId}/progress", consumes = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "Report an activity's status and progress (agreed or running plans; editors and the owner)")
    PlanViews.PlanView report(@PathVariable long id, @PathVariable long itemId, @Valid @RequestBody ProgressRequest r) {
        service.report(id, itemId, r.status(), r.progress());
        return service.view(id);
    }

    @PostMapping(value = "/{id}/transitions", consumes = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "Change the plan's state: review, draft, agree (focal points; note = sign-off remark), "
            + "start, complete, reopen (note = reason)")
    PlanViews.PlanView transition(@PathVariable long id, @Valid @RequestBody TransitionRequest r) {
        switch (r.action()) {
            case "review" -> service.submitForReview(id);
            case "draft" -> service.backToDraft(id);
            case "agree" -> service.agree(id, r.note());
            case "start" -> service.start(id);
            case "complete" -> service.complete(id);
            case "reopen" -> service.reopen(id, r.note());
            default -> throw new org.capacityhub.platform.InvalidInputException("action", "planning.action.unknown",
                    "Unknown action.");
        }
        return service.view(id);
    }

    @PostMapping(value = "/{id}/expectations", consumes = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "Give (or change) the caller's expectations and motivations, before the plan is agreed")
    PlanViews.PlanView expect(@PathVariable long id, @Valid @RequestBody ExpectationRequest r) {
        service.expect(id, r.participant(), r.expectations(), r.motivations());
        return service.view(id);
    }

    @PostMapping("/{id}/resuggest")
    @Operation(summary = "Ask every source again for the uncovered gaps of a draft plan")
    PlanViews.PlanView resuggest(@PathVariable long id) {
        service.resuggest(id);
        return service.view(id);
    }

    @GetMapping(value = "/{id}/export.csv", produces = "text/csv")
    @Operation(summary = "The plan as CSV, one row per activity (uncovered gaps too)")
    ResponseEntity<byte[]> csv(@PathVariable long id) {
        return ResponseEntity.ok().contentType(new MediaType("text", "csv", StandardCharsets.UTF_8))
                .body(exports.csv(service.view(id)).getBytes(StandardCharsets.UTF_8));
    }

    @PostMapping(value = "/{id}/template", consumes = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "Save the plan as a template")
    ResponseEntity<PlanViews.TemplateView> saveAsTemplate(@PathVariable long id, @Valid @RequestBody TemplateRequest r) {
        long templateId = templates.saveAsTemplate(id, r.name(), r.description());
        return ResponseEntity.created(URI.create("/api/v1/plans/templates/" + templateId))
                .body(templates.template(templateId));
    }

    @GetMapping("/templates")
    @Operation(summary = "Plan templates")
    List<PlanViews.TemplateView> templates() {
        return templates.list();
    }

    @GetMapping("/templates/{templateId}")
    @Operation(summary = "A plan template")
    PlanViews.TemplateView template(@PathVariable long templateId) {
        return templates.template(templateId);
    }

    @PostMapping(value = "/templates/{templateId}/runs", consumes = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "Apply a template to organisations the caller coordinates, as a background job; the run "
            + "reports its progress")
    ResponseEntity<PlanViews.RunView> apply(@PathVariable long templateId, @Valid @RequestBody ApplyRequest r) {
        long runId = templates.apply(templateId, r.organisationIds());
        return ResponseEntity.accepted().location(URI.create("/api/v1/plans/templates/" + templateId + "/runs/" + runId))
                .body(templates.run(templateId, runId));
    }

    @GetMapping("/templates/{templateId}/runs/{runId}")
    @Operation(summary = "Progress of one application of a template")
    PlanViews.RunView run(@PathVariable long templateId, @PathVariable long runId) {
        return templates.run(templateId, runId);
    }
}
