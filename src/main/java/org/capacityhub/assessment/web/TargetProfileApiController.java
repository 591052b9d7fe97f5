package org.capacityhub.assessment.web;

import java.net.URI;
import java.util.List;
import java.util.Map;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

import org.capacityhub.assessment.domain.TargetProfile;
import org.capacityhub.assessment.domain.TargetProfileService;
import org.capacityhub.assessment.domain.TargetProfileService.ProfileView;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Target profiles over REST: everyone signed in reads them, administrators and programme coordinators write them
 * (403 otherwise); bad input is a 400 problem document naming the field.
 */
@RestController
@RequestMapping(value = "/api/v1/target-profiles", produces = MediaType.APPLICATION_JSON_VALUE)
@Tag(name = "Target profiles", description = "The desired level per section of a framework version")
class TargetProfileApiController {

    private final TargetProfileService service;

    TargetProfileApiController(TargetProfileService service) {
        this.service = service;
    }

    /**
     * {@code levels}: target level id by competency id (any depth); {@code weights}: optional weight (1 to 100) by
     * competency id, 1 when absent (on update, absent keeps the profile's weights).
     */
    record ProfileRequest(@NotNull Long frameworkVersionId, @NotBlank @Size(max = TargetProfile.NAME) String name,
            String organisationType, @Size(max = TargetProfile.POSITION) String positionTitle,
            @NotNull Map<Long, Long> levels, Map<Long, Integer> weights) {}

    @GetMapping
    @Operation(summary = "All target profiles")
    List<ProfileView> list() {
        return service.list();
    }

    @PostMapping(consumes = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "Create a target profile (administrators and programme coordinators)")
    ResponseEntity<ProfileView> create(@Valid @RequestBody ProfileRequest request) {
        long id = service.create(request.frameworkVersionId(), request.name(), request.organisationType(),
                request.positionTitle(), request.levels(), request.weights() == null ? Map.of() : request.weights());
        return ResponseEntity.created(URI.create("/api/v1/target-profiles/" + id)).body(service.profile(id));
    }

    @GetMapping("/{id}")
    @Operation(summary = "A target profile with its target level per section")
    ProfileView get(@PathVariable long id) {
        return service.profile(id);
    }

    @PutMapping(value = "/{id}", consumes = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "Change a target profile's name, scope and levels (its framework version stays)")
    ProfileView update(@PathVariable long id, @Valid @RequestBody ProfileRequest request) {
        service.update(id, request.name(), request.organisationType(), request.positionTitle(), request.levels(),
                request.weights());
        return service.profile(id);
    }
}
