package org.capacityhub.directory.organisation;

import java.net.URI;
import java.util.List;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import org.capacityhub.directory.person.PersonApiController;
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

@RestController
@RequestMapping("/api/v1/organisations")
@Tag(name = "Organisations", description = "The directory of organisations: public fields for everyone, changes for "
        + "administrators and focal points")
class OrganisationApiController {

    /** An organisation's public fields. */
    record OrganisationResponse(long id, String name, String acronym, OrganisationType type, String countryCode,
            Long parentId, String description, String website, boolean demo, long version) {

        static OrganisationResponse of(Organisation o) {
            return new OrganisationResponse(o.getId(), o.getName(), o.getAcronym(), o.getType(), o.getCountryCode(),
                    o.getParent() == null ? null : o.getParent().getId(), o.getDescription(), o.getWebsite(),
                    o.isDemo(), o.getVersion());
        }
    }

    /** What to create or change; on a change, {@code version} is the one read (a stale version answers 409). */
    record OrganisationRequest(
            @NotBlank @Size(max = Organisation.MAX_NAME) String name,
            @Size(max = Organisation.MAX_ACRONYM) String acronym,
            @NotNull OrganisationType type,
            @NotBlank @Size(min = 2, max = 2) String countryCode,
            Long parentId,
            @Size(max = Organisation.MAX_DESCRIPTION) String description,
            @Size(max = Organisation.MAX_WEBSITE) String website,
            Long version) {

        OrganisationService.Command command() {
            return new OrganisationService.Command(name, acronym, type, countryCode, parentId, description, website);
        }
    }

    private final OrganisationService organisations;

    OrganisationApiController(OrganisationService organisations) {
        this.organisations = organisations;
    }

    @GetMapping
    @Operation(summary = "All organisations (public fields), sorted by name; optionally only those whose name or "
            + "acronym contains q, of a kind, in a country")
    List<OrganisationResponse> list(@RequestParam(required = false) String q,
            @RequestParam(required = false) OrganisationType type,
            @RequestParam(required = false) String country) {
        String needle = q == null ? "" : q.strip().toLowerCase(java.util.Locale.ROOT);
        return organisations.all().stream()
                .filter(o -> needle.isEmpty() || o.getName().toLowerCase(java.util.Locale.ROOT).contains(needle)
                        || (o.getAcronym() != null && o.getAcronym().toLowerCase(java.util.Locale.ROOT).contains(needle)))
                .filter(o -> type == null || o.getType() == type)
                .filter(o -> country == null || country.isBlank() || o.getCountryCode().equalsIgnoreCase(country.strip()))
                .map(OrganisationResponse::of).toList();
    }

    @PostMapping
    @Operation(summary = "Create an organisation (administrators; focal points for units under what they manage)")
    ResponseEntity<OrganisationResponse> create(@Valid @RequestBody OrganisationRequest request) {
        Organisation created = organisations.create(request.command());
        return ResponseEntity.created(URI.create("/api/v1/organisations/" + created.getId()))
                .body(OrganisationResponse.of(created));
    }

    @GetMapping("/{id:\\d{1,18}}")
    @Operation(summary = "One organisation (public fields)")
    OrganisationResponse get(@PathVariable long id) {
        return OrganisationResponse.of(organisations.get(id));
    }

    @PutMapping("/{id:\\d{1,18}}")
    @Operation(summary = "Change an organisation, including its parent (those who manage it)")
    OrganisationResponse update(@PathVariable long id, @Valid @RequestBody OrganisationRequest request) {
        return OrganisationResponse.of(organisations.update(id, request.version(), request.command()));
    }

    @DeleteMapping("/{id:\\d{1,18}}")
    @Operation(summary = "Delete an organisation without units, people or programme memberships")
    ResponseEntity<Void> delete(@PathVariable long id) {
        organisations.delete(id);
        return ResponseEntity.noContent().build();
    }

    @GetMapping("/{id:\\d{1,18}}/people")
    @Operation(summary = "The organisation's people (404 unless you may see its non-public data)")
    List<PersonApiController.PersonResponse> people(@PathVariable long id) {
        return organisations.people(id).stream().map(PersonApiController.PersonResponse::of).toList();
    }
}
