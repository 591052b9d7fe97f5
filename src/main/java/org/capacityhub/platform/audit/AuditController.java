package org.capacityhub.platform.audit;

import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Map;

import org.capacityhub.platform.AuditContext.Channel;
import org.capacityhub.platform.audit.AuditEntry.Action;
import org.springframework.data.domain.Page;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** The administrators' audit log page ({@code /admin/**} is for administrators only, see the security chain). */
@Controller
class AuditController {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final AuditLog log;

    AuditController(AuditLog log) {
        this.log = log;
    }

    @GetMapping("/admin/audit")
    String page(@RequestParam(required = false) String actor, @RequestParam(required = false) String entityType,
            @RequestParam(required = false) String entityId, @RequestParam(required = false) Action action,
            @RequestParam(required = false) Channel channel,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to,
            @RequestParam(defaultValue = "0") int page, @RequestParam(defaultValue = "50") int size, Model model) {
        AuditLog.Filter filter = new AuditLog.Filter(actor, entityType, entityId, action, channel, from, to);
        Page<AuditEntry> entries = log.search(filter, page, size);
        model.addAttribute("filter", filter);
        model.addAttribute("entries", entries);
        model.addAttribute("entityTypes", log.entityTypes());
        model.addAttribute("actions", Action.values());
        model.addAttribute("channels", Channel.values());
        model.addAttribute("readable", new Readable());
        model.addAttribute("size", entries.getSize());
        return "platform/audit";
    }

    /** Turns the changes JSON into property → "from → to" lines for the page. */
    static final class Readable {

        public Map<String, String> changes(String json) {
            Map<String, String> result = new LinkedHashMap<>();
            if (json == null || json.isBlank()) {
                return result;
            }
            JsonNode root;
            try {
                root = JSON.readTree(json);
            } catch (RuntimeException e) {
                result.put("", json);
                return result;
            }
            for (Map.Entry<String, JsonNode> property : root.properties()) {
                JsonNode change = property.getValue();
                if (change.has("changed")) {
                    result.put(property.getKey(), "(changed, value not recorded)");
                } else if (change.has("from") || change.has("to")) {
                    result.put(property.getKey(), text(change.get("from")) + " → " + text(change.get("to")));
                } else {
                    result.put(property.getKey(), change.toString());
                }
            }
            return result;
        }

        private static String text(JsonNode value) {
            if (value == null || value.isNull()) {
                return "∅";
            }
            return value.isString() ? value.asString() : value.toString();
        }
    }
}
