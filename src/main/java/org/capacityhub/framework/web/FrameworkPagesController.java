package org.capacityhub.framework.web;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.servlet.http.HttpSession;

import org.capacityhub.framework.Frameworks;
import org.capacityhub.framework.domain.FrameworkAccess;
import org.capacityhub.framework.domain.FrameworkService;
import org.capacityhub.framework.domain.FrameworkVersion;
import org.capacityhub.framework.domain.Node;
import org.capacityhub.framework.domain.NodeRepository;
import org.capacityhub.framework.exchange.FrameworkData;
import org.capacityhub.framework.exchange.FrameworkExchange;
import org.capacityhub.platform.UserFacingException;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** Pages: the list, a framework as a searchable tree, a competency, versions and changelog, import with preview. */
@Controller
@RequestMapping("/frameworks")
class FrameworkPagesController {

    static final String PENDING = FrameworkPagesController.class.getName() + ".PENDING";

    private final FrameworkService service;
    private final FrameworkExchange exchange;
    private final FrameworkAccess access;
    private final Frameworks frameworks;
    private final NodeRepository nodes;
    private final MessageSource messages;

    FrameworkPagesController(FrameworkService service, FrameworkExchange exchange, FrameworkAccess access,
            Frameworks frameworks, NodeRepository nodes, MessageSource messages) {
        this.service = service;
        this.exchange = exchange;
        this.access = access;
        this.frameworks = frameworks;
        this.nodes = nodes;
        this.messages = messages;
    }

    static String language() {
        return LocaleContextHolder.getLocale().getLanguage();
    }

    @GetMapping
    String list(Model model) {
        model.addAttribute("frameworks", service.list());
        model.addAttribute("canEdit", access.canEdit());
        model.addAttribute("lang", language());
        return "framework/list";
    }

    @GetMapping("/{identifier}")
    @Transactional(readOnly = true)
    String show(@PathVariable UUID identifier, @RequestParam(required = false) Integer version,
            @RequestParam(required = false) String q, Model model) {
        FrameworkVersion v = service.version(identifier, version);
        model.addAttribute("v", v);
        model.addAttribute("lang", language());
        model.addAttribute("tree", TreeView.of(v, language(), q));
        model.addAttribute("q", q);
        model.addAttribute("canEdit", access.canEdit());
        model.addAttribute("draft", service.draft(identifier).orElse(null));
        model.addAttribute("languages", v.languages());
        return "framework/show";
    }

    record CrosswalkView(String type, UUID frameworkIdentifier, UUID identifier, String code, String title,
            String frameworkTitle) {}

    @GetMapping("/{identifier}/items/{item}")
    @Transactional(readOnly = true)
    String item(@PathVariable UUID identifier, @PathVariable UUID item, @RequestParam(required = false) Integer version,
            Model model) {
        FrameworkVersion v = service.version(identifier, version);
        Node node = v.node(item).orElseThrow(() -> new org.capacityhub.platform.NotFoundException("Item", item));
        List<Node> ancestors = new ArrayList<>();
        for (Node p = node.getParent(); p != null; p = p.getParent()) {
            ancestors.add(0, p);
        }
        List<CrosswalkView> crosswalks = new ArrayList<>();
        for (Frameworks.Related r : frameworks.related(node.getId())) {
            String frameworkTitle = frameworks.version(r.related().versionId()).map(Frameworks.FrameworkVersionRef::title)
                    .orElse("");
            crosswalks.add(new CrosswalkView(r.type(), r.related().frameworkIdentifier(), r.related().identifier(),
                    r.related().code(), r.related().title(), frameworkTitle));
        }
        List<org.capacityhub.framework.domain.Association> other = v.getAssociations().stream()
                .filter(a -> a.getOrigin().equals(item) && crosswalks.stream().noneMatch(c -> c.identifier().equals(a.getDestination())))
                .toList();
        model.addAttribute("v", v);
        model.addAttribute("node", node);
        model.addAttribute("ancestors", ancestors);
        model.addAttribute("children", v.children(node));
        model.addAttribute("crosswalks", crosswalks);
        model.addAttribute("otherAssociations", other);
        model.addAttribute("lang", language());
        return "framework/item";
    }

    @GetMapping("/{identifier}/versions")
    @Transactional(readOnly = true)
    String versions(@PathVariable UUID identifier, @RequestParam(required = false) Integer from,
            @RequestParam(required = false) Integer to, Model model) {
        List<FrameworkVersion> all = service.versions(identifier);
        FrameworkVersion latest = all.get(all.size() - 1);
        model.addAttribute("versions", all);
        model.addAttribute("v", latest);
        model.addAttribute("lang", language());
        if (all.size() > 1) {
            int a = from != null ? from : all.get(all.size() - 2).getNumber();
            int b = to != null ? to : latest.getNumber();
            model.addAttribute("from", a);
            model.addAttribute("to", b);
            model.addAttribute("changelog", service.changelog(identifier, a, b));
        }
        return "framework/versions";
    }

    @GetMapping("/{identifier}/export.case.json")
    ResponseEntity<byte[]> exportCase(@PathVariable UUID identifier, @RequestParam(required = false) Integer version,
            @RequestParam(required = false) String lang) {
        return ResponseEntity.ok().contentType(MediaType.APPLICATION_JSON)
                .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"" + identifier
                        + (lang == null ? "" : "-" + lang) + ".case.json\"")
                .body(exchange.exportCase(identifier, version, lang));
    }

    @GetMapping("/{identifier}/export.csv")
    ResponseEntity<byte[]> exportCsv(@PathVariable UUID identifier, @RequestParam(required = false) Integer version) {
        return ResponseEntity.ok().contentType(new MediaType("text", "csv", StandardCharsets.UTF_8))
                .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"" + identifier + ".csv\"")
                .body(exchange.exportCsv(identifier, version));
    }

    // ---- import with preview ----

    @GetMapping("/import")
    String importForm(Model model) {
        access.requireEdit();
        return "framework/import";
    }

    @PostMapping("/import")
    String upload(@RequestParam(name = "file", required = false) MultipartFile file, HttpSession session, Model model)
            throws IOException {
        access.requireEdit();
        try {
            if (file == null || file.isEmpty()) {
                model.addAttribute("error", messages.getMessage("framework.import.noFile", null, LocaleContextHolder.getLocale()));
                return "framework/import";
            }
            if (file.getSize() > FrameworkExchange.MAX_BYTES) {
                throw new FrameworkExchange.TooLarge();
            }
            FrameworkExchange.Format format = FrameworkExchange.formatOf(file.getContentType(), file.getOriginalFilename());
            FrameworkExchange.Parsed parsed = exchange.parse(file.getBytes(), format, file.getOriginalFilename());
            String token = UUID.randomUUID().toString();
            pending(session).put(token, parsed);
            return "redirect:/frameworks/import/" + token;
        } catch (UserFacingException e) {
            model.addAttribute("error", messages.getMessage(e, LocaleContextHolder.getLocale()));
            return "framework/import";
        }
    }

    record PreviewItem(int depth, String code, String title, String itemType, int descriptors) {}

    @GetMapping("/import/{token}")
    String preview(@PathVariable String token, HttpSession session, Model model) {
        access.requireEdit();
        FrameworkExchange.Parsed parsed = pending(session).get(token);
        if (parsed == null) {
            model.addAttribute("error", messages.getMessage("framework.import.expired", null, LocaleContextHolder.getLocale()));
            return "framework/import";
        }
        FrameworkData data = parsed.data();
        Map<UUID, Integer> depth = new java.util.HashMap<>();
        List<PreviewItem> items = new ArrayList<>();
        String lang = language();
        for (FrameworkData.NodeData n : data.nodes()) {
            int d = n.parent() == null ? 0 : depth.get(n.parent()) + 1;
            depth.put(n.identifier(), d);
            items.add(new PreviewItem(d, n.code(), org.capacityhub.framework.domain.Texts.of(n.title()).in(lang, data.language()),
                    n.itemType(), n.descriptors().size()));
        }
        model.addAttribute("token", token);
        model.addAttribute("parsed", parsed);
        model.addAttribute("data", data);
        model.addAttribute("importTitle", org.capacityhub.framework.domain.Texts.of(data.title()).in(lang, data.language()));
        model.addAttribute("items", items);
        model.addAttribute("levels", data.scale() == null ? List.of() : data.scale().levels().stream()
                .map(l -> org.capacityhub.framework.domain.Texts.of(l.title()).in(lang, data.language())).toList());
        return "framework/preview";
    }

    @PostMapping("/import/{token}")
    String commit(@PathVariable String token, @RequestParam(defaultValue = "false") boolean publish,
            HttpSession session, Model model, RedirectAttributes redirect) {
        access.requireEdit();
        FrameworkExchange.Parsed parsed = pending(session).get(token);
        if (parsed == null) {
            model.addAttribute("error", messages.getMessage("framework.import.expired", null, LocaleContextHolder.getLocale()));
            return "framework/import";
        }
        try {
            FrameworkService.Created created = exchange.commit(parsed, publish);
            pending(session).remove(token);
            redirect.addFlashAttribute("flash", "framework.import.done");
            return "redirect:/frameworks/" + created.identifier() + "?version=" + created.number();
        } catch (UserFacingException e) {
            model.addAttribute("commitError", messages.getMessage(e, LocaleContextHolder.getLocale()));
            return preview(token, session, model);
        }
    }

    @PostMapping("/import/{token}/cancel")
    String cancel(@PathVariable String token, HttpSession session) {
        pending(session).remove(token);
        return "redirect:/frameworks/import";
    }

    @SuppressWarnings("unchecked")
    static Map<String, FrameworkExchange.Parsed> pending(HttpSession session) {
        Object existing = session.getAttribute(PENDING);
        if (existing instanceof Map<?, ?> map) {
            return (Map<String, FrameworkExchange.Parsed>) map;
        }
        Map<String, FrameworkExchange.Parsed> created = new java.util.concurrent.ConcurrentHashMap<>();
        session.setAttribute(PENDING, created);
        return created;
    }
}
