package org.capacityhub.directory.person;

import java.net.URI;
import java.util.List;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

import org.springframework.data.domain.Page;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/v1/people")
@Tag(name = "People", description = "People of the directory, as far as you may see them")
public class PersonApiController {

    /** A person as the API shows them (never their self-declared gender). */
    public record PersonResponse(long id, String fullName, String email, String positionTitle, RoleFamily roleFamily,
            Long organisationId, String countryCode, String region, List<String> languages, String timeZone,
            boolean demo, long version) {

        public static PersonResponse of(Person p) {
            return new PersonResponse(p.getId(), p.getFullName(), p.getEmail(), p.getPositionTitle(),
                    p.getRoleFamily(), p.getOrganisation() == null ? null : p.getOrganisation().getId(),
                    p.getCountryCode(), p.getRegion(), p.getLanguages(), p.getTimeZone(), p.isDemo(), p.getVersion());
        }
    }

    /** A page of people. */
    public record PersonPage(List<PersonResponse> items, int page, int totalPages, long totalItems) {}

    /** What to create or change; on a change, {@code version} is the one read (a stale version answers 409). */
    record PersonRequest(
            @NotBlank @Size(max = Person.MAX_NAME) String fullName,
            @Size(max = Person.MAX_EMAIL) String email,
            @Size(max = 200) String positionTitle,
            RoleFamily roleFamily,
            Long organisationId,
            @Size(max = 2) String countryCode,
            @Size(max = 100) String region,
            @Size(max = 20) List<@Size(max = 3) String> languages,
            @Size(max = 60) String timeZone,
            Long version) {

        PersonService.Command command() {
            return new PersonService.Command(fullName, email, positionTitle, roleFamily, organisationId, countryCode,
                    region, languages, timeZone);
        }
    }

    private final PersonService people;

    PersonApiController(PersonService people) {
        this.people = people;
    }

    @GetMapping
    @Operation(summary = "People you may see (administrators: everyone), searched by name, e-mail or position")
    PersonPage list(@Parameter(description = "text to search for") @RequestParam(required = false) String q,
            @Parameter(description = "page number, from 0") @RequestParam(defaultValue = "0") int page) {
        Page<Person> result = people.search(q, page);
        return new PersonPage(result.map(PersonResponse::of).getContent(), result.getNumber(), result.getTotalPages(),
                result.getTotalElements());
    }

    @PostMapping
    @Operation(summary = "Add a person (administrators, or focal points for organisations they manage)")
    ResponseEntity<PersonResponse> create(@Valid @RequestBody PersonRequest request) {
        Person created = people.create(request.command());
        return ResponseEntity.created(URI.create("/api/v1/people/" + created.getId())).body(PersonResponse.of(created));
    }

    @GetMapping("/{id:\\d{1,18}}")
    @Operation(summary = "One person (404 unless you may see them)")
    PersonResponse get(@PathVariable long id) {
        return PersonResponse.of(people.get(id));
    }

    @PutMapping("/{id:\\d{1,18}}")
    @Operation(summary = "Change a person (administrators, or focal points of their organisation)")
    PersonResponse update(@PathVariable long id, @Valid @RequestBody PersonRequest request) {
        return PersonResponse.of(people.update(id, request.version(), request.command()));
    }
}
