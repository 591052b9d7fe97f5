package org.capacityhub.assessment.campaign;

import com.fasterxml.jackson.annotation.JsonSetter;
import com.fasterxml.jackson.annotation.Nulls;

import java.net.URI;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Campaigns over REST, with the same rules as the pages: coordinators launch them (403 otherwise); a campaign is
 * seen and managed by whoever launched it and by administrators (404 for anyone else); invitations and reminders
 * go by e-mail after the change commits; names of invited people appear only for organisations the caller
 * coordinates.
 */
@RestController
@RequestMapping(value = "/api/v1/campaigns", produces = MediaType.APPLICATION_JSON_VALUE)
@Tag(name = "Campaigns", description = "A framework launched across organisations and people, with a deadline, "
        + "invitations, reminders and a completion tracker")
class CampaignApiController {

    private final CampaignService service;

    CampaignApiController(CampaignService service) {
        this.service = service;
    }

    /** A null inside a list is refused while reading (400 naming the field), never dereferenced later. */
    record LaunchRequest(String name, Long frameworkVersionId, LocalDate deadline,
            @JsonSetter(contentNulls = Nulls.FAIL) Set<Long> organisationIds,
            @JsonSetter(contentNulls = Nulls.FAIL) Set<Long> personIds) {}

    record ParticipantsRequest(@JsonSetter(contentNulls = Nulls.FAIL) Set<Long> organisationIds,
            @JsonSetter(contentNulls = Nulls.FAIL) Set<Long> personIds) {}

    /** What a launch may choose from: published framework versions, the organisations and people one coordinates. */
    record Options(List<CampaignService.Option> frameworkVersions, List<CampaignService.Option> organisations,
            List<CampaignService.PersonOption> people) {}

    /** How many e-mails were recorded (sent after commit; in the outbox when no SMTP server is configured). */
    record Sent(long campaignId, int mails) {}

    @GetMapping
    @Operation(summary = "The campaigns the caller may see (launched by them; all for administrators), newest first")
    List<CampaignService.Summary> list() {
        return service.visibleCampaigns();
    }

    @GetMapping("/options")
    @Operation(summary = "What the caller may launch a campaign with: published framework versions, the "
            + "organisations they coordinate and the people of those organisations (403 for non-coordinators)")
    Options options() {
        requireLaunch();
        return new Options(service.frameworkChoices(), service.organisationChoices(), service.personChoices());
    }

    @PostMapping(consumes = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "Launch a campaign: a published framework version, a deadline (not in the past), "
            + "organisations the caller coordinates (each gets a focus-group assessment in draft, its focal points "
            + "an invitation) and/or people of those organisations (invited to self-assess); all or nothing")
    ResponseEntity<CampaignService.Tracker> launch(@RequestBody LaunchRequest request) {
        requireLaunch();
        long id = service.launch(request.name(), request.frameworkVersionId(), request.deadline(),
                request.organisationIds(), request.personIds());
        return ResponseEntity.created(URI.create("/api/v1/campaigns/" + id)).body(service.tracker(id));
    }

    @GetMapping("/{id}")
    @Operation(summary = "The completion tracker: per organisation its assessment's state and the invited people "
            + "done / not done (names only for organisations the caller coordinates)")
    CampaignService.Tracker tracker(@PathVariable long id) {
        return service.tracker(id);
    }

    @PostMapping(value = "/{id}/participants", consumes = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "Add organisations and/or people (same rules as the launch) until the deadline; the new "
            + "ones are invited, those already in the campaign are left as they are; all or nothing")
    CampaignService.Tracker addParticipants(@PathVariable long id, @RequestBody ParticipantsRequest request) {
        service.addParticipants(id, request.organisationIds(), request.personIds());
        return service.tracker(id);
    }

    @PostMapping("/{id}/reminders")
    @Operation(summary = "Send reminders now to the invited people not done and to the focal points of "
            + "organisations whose assessment is not submitted")
    Sent remind(@PathVariable long id) {
        return new Sent(id, service.remind(id));
    }

    private void requireLaunch() {
        if (!service.canLaunch()) {
            throw new AccessDeniedException("Only coordinators launch campaigns");
        }
    }
}
