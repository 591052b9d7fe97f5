package org.capacityhub.platform.audit;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.capacityhub.platform.AuditContext.Channel;
import org.capacityhub.platform.PlatformUser;
import org.capacityhub.platform.audit.AuditEntry.Action;
import org.springframework.data.domain.Page;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** The audit log for administrators' scripts: read only, there is no way to change or remove an entry. */
@RestController
@RequestMapping("/api/v1/audit")
@Tag(name = "Audit log", description = "Who created, changed or deleted what, when and through which path (administrators only)")
class AuditApiController {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final AuditLog log;

    AuditApiController(AuditLog log) {
        this.log = log;
    }

    record EntryView(long id, Instant occurredAt, String actor, Channel channel, Action action, String entityType,
            String entityId, JsonNode changes) {}

    record PageView(List<EntryView> entries, int page, int size, long totalElements, int totalPages) {}

    @GetMapping
    @Operation(summary = "Search the audit log, newest first",
            description = "Filters are optional and combined; dates are whole days in UTC, both included. "
                    + "Administrators only (403 otherwise).")
    PageView search(@AuthenticationPrincipal PlatformUser user,
            @RequestParam(required = false) @Parameter(description = "username of whoever made the change") String actor,
            @RequestParam(required = false) @Parameter(description = "entity type, e.g. Person") String entityType,
            @RequestParam(required = false) String entityId,
            @RequestParam(required = false) Action action,
            @RequestParam(required = false) Channel channel,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to,
            @RequestParam(defaultValue = "0") int page,
            @RequestParam(defaultValue = "50") @Parameter(description = "entries per page, at most 200") int size) {
        if (user == null || !user.administrator()) {
            throw new AccessDeniedException("Administrators only");
        }
        Page<AuditEntry> result = log.search(new AuditLog.Filter(actor, entityType, entityId, action, channel, from, to),
                page, size);
        return new PageView(result.getContent().stream().map(AuditApiController::view).toList(), result.getNumber(),
                result.getSize(), result.getTotalElements(), result.getTotalPages());
    }

    private static EntryView view(AuditEntry e) {
        JsonNode changes = e.getChanges() == null ? null : JSON.readTree(e.getChanges());
        return new EntryView(e.getId(), e.getOccurredAt(), e.getActor(), e.getChannel(), e.getAction(),
                e.getEntityType(), e.getEntityId(), changes);
    }
}
