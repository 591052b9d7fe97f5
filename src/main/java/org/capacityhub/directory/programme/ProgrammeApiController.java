package org.capacityhub.directory.programme;

import java.net.URI;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import org.capacityhub.directory.organisation.Organisation;
import org.capacityhub.directory.person.Person;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/v1/programmes")
@Tag(name = "Programmes", description = "Capacity-building programmes: their scope is exactly their member organisations")
class ProgrammeApiController {

    record ProgrammeResponse(long id, String name, String funder, String description, LocalDate startsOn,
            LocalDate endsOn, Set<String> countries, List<Long> memberIds, List<Long> coordinatorIds, boolean demo,
            long version) {

        static ProgrammeResponse of(Programme p) {
            return new ProgrammeResponse(p.getId(), p.getName(), p.getFunder(), p.getDescription(), p.getStartsOn(),
                    p.getEndsOn(), p.getCountries(),
                    ProgrammeService.sortedMembers(p).stream().map(Organisation::getId).toList(),
                    ProgrammeService.sortedCoordinators(p).stream().map(Person::getId).toList(), p.isDemo(),
                    p.getVersion());
        }
    }

    record ProgrammeRequest(
            @NotBlank @Size(max = Programme.MAX_NAME) String name,
            @Size(max = 200) String funder,
            @Size(max = 4000) String description,
            LocalDate startsOn,
            LocalDate endsOn,
            @Size(max = 300) List<@NotBlank @Size(min = 2, max = 2) String> countries,
            Long version) {

        ProgrammeService.Command command() {
            return new ProgrammeService.Command(name, funder, description, startsOn, endsOn, countries);
        }
    }

    record MembersRequest(@NotNull List<@NotNull Long> organisationIds, Long version) {}

    record CoordinatorsRequest(@NotNull List<@NotNull Long> personIds, Long version) {}

    private final ProgrammeService programmes;

    ProgrammeApiController(ProgrammeService programmes) {
        this.programmes = programmes;
    }

    @GetMapping
    @Operation(summary = "All programmes, sorted by name")
    List<ProgrammeResponse> list() {
        return programmes.list().stream().map(ProgrammeResponse::of).toList();
    }

    @PostMapping
    @Operation(summary = "Create a programme (administrators)")
    ResponseEntity<ProgrammeResponse> create(@Valid @RequestBody ProgrammeRequest request) {
        Programme created = programmes.create(request.command());
        return ResponseEntity.created(URI.create("/api/v1/programmes/" + created.getId()))
                .body(ProgrammeResponse.of(created));
    }

    @GetMapping("/{id:\\d{1,18}}")
    @Operation(summary = "One programme")
    ProgrammeResponse get(@PathVariable long id) {
        return ProgrammeResponse.of(programmes.get(id));
    }

    @PutMapping("/{id:\\d{1,18}}")
    @Operation(summary = "Change a programme (administrators)")
    ProgrammeResponse update(@PathVariable long id, @Valid @RequestBody ProgrammeRequest request) {
        return ProgrammeResponse.of(programmes.update(id, request.version(), request.command()));
    }

    @PutMapping("/{id:\\d{1,18}}/members")
    @Operation(summary = "Replace the member organisations, the programme's scope (administrators)")
    ProgrammeResponse members(@PathVariable long id, @Valid @RequestBody MembersRequest request) {
        return ProgrammeResponse.of(programmes.setMembers(id, request.version(), request.organisationIds()));
    }

    @PutMapping("/{id:\\d{1,18}}/coordinators")
    @Operation(summary = "Replace the coordinators (administrators)")
    ProgrammeResponse coordinators(@PathVariable long id, @Valid @RequestBody CoordinatorsRequest request) {
        return ProgrammeResponse.of(programmes.setCoordinators(id, request.version(), request.personIds()));
    }
}
