package org.capacityhub.assessment.web;

import java.net.URI;
import java.time.LocalDate;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

import org.capacityhub.assessment.domain.AnswerInput;
import org.capacityhub.assessment.domain.AssessmentService;
import org.capacityhub.assessment.domain.BarrierKind;
import org.capacityhub.assessment.domain.Confidence;
import org.capacityhub.assessment.domain.Delivery;
import org.capacityhub.assessment.domain.DetailsInput;
import org.capacityhub.assessment.domain.Limits;
import org.capacityhub.assessment.domain.SectionConflictException;
import org.capacityhub.assessment.domain.Views;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Organisational assessments over REST: the same rules as the pages (an assessment the caller may not see is
 * "not found"), errors as problem documents. Sections are addressed by the id of their competency in the
 * assessment's framework version; each carries a version that a write must quote (409 with their version when
 * stale).
 */
@RestController
@RequestMapping(value = "/api/v1/assessments", produces = MediaType.APPLICATION_JSON_VALUE)
@Tag(name = "Assessments", description = "Organisational focus-group assessments against a framework version")
class AssessmentApiController {

    private final AssessmentService service;
    private final MessageSource messages;
    private final org.capacityhub.assessment.domain.TargetProfileService targets;

    AssessmentApiController(AssessmentService service, MessageSource messages,
            org.capacityhub.assessment.domain.TargetProfileService targets) {
        this.service = service;
        this.targets = targets;
        this.messages = messages;
    }

    record ParticipantBody(@NotBlank @Size(max = Limits.NAME) String fullName,
            @Size(max = Limits.NAME) String positionTitle, boolean consentRecorded) {}

    record CreateRequest(@NotNull Long organisationId, @NotNull Long frameworkVersionId, @NotNull LocalDate heldOn,
            @NotNull Delivery delivery, @Size(max = Limits.PLACE) String place,
            @Size(max = Limits.PURPOSE) String purpose, @Size(max = Limits.FACILITATORS) List<Long> facilitatorIds,
            @Size(max = Limits.PARTICIPANTS) List<@Valid ParticipantBody> participants) {

        DetailsInput details() {
            return new DetailsInput(heldOn, delivery, place, purpose,
                    facilitatorIds == null ? null : new LinkedHashSet<>(facilitatorIds),
                    participants == null ? null : participants.stream().map(p -> new DetailsInput.ParticipantInput(
                            p.fullName(), p.positionTitle(), p.consentRecorded())).toList());
        }
    }

    record BarrierBody(@NotNull BarrierKind kind, @Size(max = Limits.BARRIER_DESCRIPTION) String description) {}

    record SectionRequest(@NotNull Long version, Long levelId, @Size(max = Limits.NOTES) String notes,
            @Size(max = Limits.EVIDENCE_LINKS) List<@NotBlank @Size(max = Limits.URL) String> evidence,
            Confidence confidence, @Size(max = Limits.BARRIERS) List<@Valid @NotNull BarrierBody> barriers) {

        AnswerInput answer() {
            return new AnswerInput(levelId, notes, evidence, confidence, barriers == null ? null
                    : barriers.stream().map(b -> new AnswerInput.BarrierInput(b.kind(), b.description())).toList());
        }
    }

    record ReopenRequest(@NotBlank @Size(max = Limits.REASON) String reason) {}

    @GetMapping
    @Operation(summary = "The assessments the caller may see, newest first")
    List<Views.Summary> list() {
        return service.visibleAssessments();
    }

    @PostMapping(consumes = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "Create a draft assessment of an organisation the caller coordinates, against a published "
            + "framework version")
    ResponseEntity<Views.Detail> create(@Valid @RequestBody CreateRequest request) {
        long id = service.create(request.organisationId(), request.frameworkVersionId(), request.details());
        return ResponseEntity.created(URI.create("/api/v1/assessments/" + id)).body(service.detail(id));
    }

    @GetMapping("/{id}")
    @Operation(summary = "An assessment with its details, scale and the level, notes, evidence and barriers per "
            + "section")
    Views.Detail get(@PathVariable long id) {
        return service.detail(id);
    }

    @GetMapping("/{id}/gaps")
    @Operation(summary = "Current against target level per section, for a target profile of the same framework "
            + "version (gap = target rank - current rank, 0 at or above target, null when not rated)")
    org.capacityhub.assessment.AssessmentGaps gaps(@PathVariable long id,
            @org.springframework.web.bind.annotation.RequestParam("targetProfile") long targetProfile) {
        return targets.gaps(id, targetProfile);
    }

    @PutMapping(value = "/{id}/sections/{competencyId}", consumes = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "Save one section's answer; 'version' must be the section's current version (409 "
            + "with their version otherwise)")
    Views.SectionView answer(@PathVariable long id, @PathVariable long competencyId,
            @Valid @RequestBody SectionRequest request) {
        return service.answer(id, competencyId, request.version(), request.answer());
    }

    @PostMapping("/{id}/submit")
    @Operation(summary = "Submit the assessment (every section needs a level); it is then immutable until reopened")
    Views.Detail submit(@PathVariable long id) {
        service.submit(id);
        return service.detail(id);
    }

    @PostMapping("/{id}/validate")
    @Operation(summary = "Validate a submitted assessment (the organisation's focal points)")
    Views.Detail validate(@PathVariable long id) {
        service.validate(id);
        return service.detail(id);
    }

    @PostMapping(value = "/{id}/reopen", consumes = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "Reopen a submitted or validated assessment, with a reason")
    Views.Detail reopen(@PathVariable long id, @Valid @RequestBody ReopenRequest request) {
        service.reopen(id, request.reason());
        return service.detail(id);
    }

    /** A stale section write: the problem document carries their (current) version of the section. */
    @ExceptionHandler(SectionConflictException.class)
    ResponseEntity<ProblemDetail> conflict(SectionConflictException e, jakarta.servlet.http.HttpServletRequest request) {
        ProblemDetail body = ProblemDetail.forStatusAndDetail(HttpStatus.CONFLICT,
                messages.getMessage(e, LocaleContextHolder.getLocale()));
        body.setProperty("errors", Map.of("version", body.getDetail()));
        body.setProperty("currentVersion", e.currentVersion());
        @SuppressWarnings("unchecked")
        Map<String, String> variables = (Map<String, String>) request
                .getAttribute(org.springframework.web.servlet.HandlerMapping.URI_TEMPLATE_VARIABLES_ATTRIBUTE);
        body.setProperty("theirs", service.sectionView(Long.parseLong(variables.get("id")), e.competencyId()));
        return ResponseEntity.status(HttpStatus.CONFLICT).contentType(MediaType.APPLICATION_PROBLEM_JSON).body(body);
    }
}
