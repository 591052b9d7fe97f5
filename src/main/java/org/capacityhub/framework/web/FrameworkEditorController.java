package org.capacityhub.framework.web;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.capacityhub.framework.domain.Association;
import org.capacityhub.framework.domain.FrameworkAccess;
import org.capacityhub.framework.domain.FrameworkService;
import org.capacityhub.framework.domain.FrameworkVersion;
import org.capacityhub.framework.domain.Level;
import org.capacityhub.framework.domain.Node;
import org.capacityhub.framework.domain.NodeRepository;
import org.capacityhub.framework.domain.Texts;
import org.capacityhub.platform.UserFacingException;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The editor of a framework's draft version (administrators and programme coordinators): texts in each language,
 * the tree (add, move, delete), levels and descriptors, crosswalks, publishing. Plain HTML forms.
 */
@Controller
@RequestMapping("/frameworks/{identifier}/edit")
class FrameworkEditorController {

    private final FrameworkService service;
    private final FrameworkAccess access;
    private final NodeRepository nodes;
    private final MessageSource messages;

    FrameworkEditorController(FrameworkService service, FrameworkAccess access, NodeRepository nodes,
            MessageSource messages) {
        this.service = service;
        this.access = access;
        this.nodes = nodes;
        this.messages = messages;
    }

    /** Languages edited side by side: the framework's own, English and French. */
    static List<String> languages(FrameworkVersion v) {
        LinkedHashSet<String> result = new LinkedHashSet<>();
        result.add(v.getLanguage());
        result.add("en");
        result.add("fr");
        result.addAll(v.languages());
        return List.copyOf(result);
    }

    @PostMapping
    String start(@PathVariable UUID identifier) {
        service.newDraft(identifier);
        return "redirect:/frameworks/" + identifier + "/edit";
    }

    @GetMapping
    String editor(@PathVariable UUID identifier, Model model) {
        FrameworkVersion draft = service.editableDraft(identifier);
        model.addAttribute("v", draft);
        model.addAttribute("languages", languages(draft));
        model.addAttribute("lang", FrameworkPagesController.language());
        model.addAttribute("tree", TreeView.of(draft, FrameworkPagesController.language(), null));
        if (!model.containsAttribute("errors")) {
            model.addAttribute("errors", Map.of());
        }
        return "framework/editor";
    }

    @PostMapping("/document")
    String document(@PathVariable UUID identifier, @RequestParam MultiValueMap<String, String> form, Model model,
            RedirectAttributes redirect) {
        return attempt(identifier, model, redirect, null, () -> {
            FrameworkVersion draft = service.editableDraft(identifier);
            List<String> languages = languages(draft);
            service.editDocument(identifier, new FrameworkService.DocumentEdit(texts(form, "title", languages),
                    first(form, "versionLabel"), first(form, "language"), first(form, "publisher"),
                    first(form, "creator"), first(form, "licence"), texts(form, "description", languages),
                    texts(form, "guideIntroduction", languages), texts(form, "guideDefinitions", languages),
                    texts(form, "guideInstructions", languages), texts(form, "scaleTitle", languages),
                    texts(form, "scaleDescription", languages)));
        });
    }

    @PostMapping("/levels")
    String addLevel(@PathVariable UUID identifier, @RequestParam MultiValueMap<String, String> form, Model model,
            RedirectAttributes redirect) {
        return attempt(identifier, model, redirect, null, () -> {
            List<String> languages = languages(service.editableDraft(identifier));
            service.addLevel(identifier, new FrameworkService.LevelEdit(first(form, "code"),
                    texts(form, "levelTitle", languages), texts(form, "levelDescription", languages)));
        });
    }

    @PostMapping("/levels/{level}")
    String editLevel(@PathVariable UUID identifier, @PathVariable UUID level,
            @RequestParam MultiValueMap<String, String> form, Model model, RedirectAttributes redirect) {
        return attempt(identifier, model, redirect, null, () -> {
            List<String> languages = languages(service.editableDraft(identifier));
            if (form.containsKey("up") || form.containsKey("down")) {
                service.moveLevel(identifier, level, form.containsKey("up") ? -1 : 1);
            } else if (form.containsKey("delete")) {
                service.removeLevel(identifier, level);
            } else {
                service.editLevel(identifier, level, new FrameworkService.LevelEdit(first(form, "code"),
                        texts(form, "levelTitle", languages), texts(form, "levelDescription", languages)));
            }
        });
    }

    @PostMapping("/items")
    String addItem(@PathVariable UUID identifier, @RequestParam MultiValueMap<String, String> form, Model model,
            RedirectAttributes redirect) {
        return attempt(identifier, model, redirect, null, () -> {
            List<String> languages = languages(service.editableDraft(identifier));
            String parent = first(form, "parent");
            service.addNode(identifier, parent == null ? null : UUID.fromString(parent),
                    new FrameworkService.NodeEdit(first(form, "code"), texts(form, "title", languages), null, null,
                            null, first(form, "itemType"), null));
        });
    }

    @GetMapping("/items/{item}")
    String item(@PathVariable UUID identifier, @PathVariable UUID item, Model model) {
        FrameworkVersion draft = service.editableDraft(identifier);
        Node node = draft.node(item).orElseThrow(() -> new org.capacityhub.platform.NotFoundException("Item", item));
        model.addAttribute("v", draft);
        model.addAttribute("node", node);
        model.addAttribute("languages", languages(draft));
        model.addAttribute("lang", FrameworkPagesController.language());
        List<Node> parents = new ArrayList<>(draft.treeOrder());
        parents.removeAll(draft.subtreeDeepestFirst(node));
        model.addAttribute("parents", parents);
        model.addAttribute("associations", draft.getAssociations().stream()
                .filter(a -> a.getOrigin().equals(item)).toList());
        model.addAttribute("associationTypes", Association.CASE_TYPES.stream().filter(t -> !"isChildOf".equals(t)).sorted().toList());
        if (!model.containsAttribute("errors")) {
            model.addAttribute("errors", Map.of());
        }
        return "framework/edit-item";
    }

    @PostMapping("/items/{item}")
    String saveItem(@PathVariable UUID identifier, @PathVariable UUID item,
            @RequestParam MultiValueMap<String, String> form, Model model, RedirectAttributes redirect) {
        return attempt(identifier, model, redirect, item, () -> {
            FrameworkVersion draft = service.editableDraft(identifier);
            List<String> languages = languages(draft);
            Map<String, List<String>> questionLines = new LinkedHashMap<>();
            for (String l : languages) {
                questionLines.put(l, lines(first(form, "questions_" + l)));
            }
            service.editNode(identifier, item, new FrameworkService.NodeEdit(first(form, "code"),
                    texts(form, "title", languages), texts(form, "alternativeLabel", languages),
                    texts(form, "description", languages), lines(first(form, "keywords")), first(form, "itemType"),
                    zip(questionLines)));
            Map<UUID, List<Map<String, String>>> descriptors = new LinkedHashMap<>();
            for (Level level : draft.getLevels()) {
                Map<String, List<String>> perLanguage = new LinkedHashMap<>();
                for (String l : languages) {
                    perLanguage.put(l, lines(first(form, "level_" + level.getIdentifier() + "_" + l)));
                }
                descriptors.put(level.getIdentifier(), zip(perLanguage));
            }
            service.setDescriptors(identifier, item, descriptors);
        });
    }

    @PostMapping("/items/{item}/move")
    String move(@PathVariable UUID identifier, @PathVariable UUID item, @RequestParam(required = false) String parent,
            @RequestParam(defaultValue = "0") int position, @RequestParam(required = false) String shift, Model model,
            RedirectAttributes redirect) {
        return attempt(identifier, model, redirect, null, () -> {
            if (shift != null) {
                service.shiftNode(identifier, item, "up".equals(shift) ? -1 : 1);
            } else {
                service.moveNode(identifier, item, parent == null || parent.isBlank() ? null : UUID.fromString(parent),
                        Math.max(0, position - 1));
            }
        });
    }

    @PostMapping("/items/{item}/delete")
    String delete(@PathVariable UUID identifier, @PathVariable UUID item, Model model, RedirectAttributes redirect) {
        return attempt(identifier, model, redirect, null, () -> service.deleteNode(identifier, item));
    }

    @PostMapping("/items/{item}/crosswalks")
    String addCrosswalk(@PathVariable UUID identifier, @PathVariable UUID item, @RequestParam String type,
            @RequestParam String destination, Model model, RedirectAttributes redirect) {
        return attempt(identifier, model, redirect, item, () -> {
            UUID target;
            try {
                target = UUID.fromString(destination.strip());
            } catch (IllegalArgumentException e) {
                throw new org.capacityhub.platform.InvalidInputException("destination", "framework.crosswalk.unknown",
                        "No competency with identifier {0} was found.", destination);
            }
            service.addCrosswalk(identifier, new FrameworkService.CrosswalkEdit(item, type, target), nodes);
        });
    }

    @PostMapping("/items/{item}/crosswalks/{association}/delete")
    String removeCrosswalk(@PathVariable UUID identifier, @PathVariable UUID item, @PathVariable UUID association,
            Model model, RedirectAttributes redirect) {
        return attempt(identifier, model, redirect, item, () -> service.removeAssociation(identifier, association));
    }

    @PostMapping("/publish")
    String publish(@PathVariable UUID identifier, Model model, RedirectAttributes redirect) {
        try {
            FrameworkVersion published = service.publish(identifier);
            redirect.addFlashAttribute("flash", "framework.edit.published");
            return "redirect:/frameworks/" + identifier + "?version=" + published.getNumber();
        } catch (UserFacingException e) {
            model.addAttribute("errors", Map.of("publish", message(e)));
            return editor(identifier, model);
        }
    }

    @PostMapping("/discard")
    String discard(@PathVariable UUID identifier, RedirectAttributes redirect) {
        service.discardDraft(identifier);
        redirect.addFlashAttribute("flash", "framework.edit.discarded");
        return "redirect:/frameworks/" + identifier;
    }

    private String attempt(UUID identifier, Model model, RedirectAttributes redirect, UUID item, Runnable change) {
        access.requireEdit();
        try {
            change.run();
        } catch (UserFacingException e) {
            Map<String, String> errors = new LinkedHashMap<>();
            errors.put(e.field() == null ? "form" : e.field(), message(e));
            model.addAttribute("errors", errors);
            return item == null ? editor(identifier, model) : item(identifier, item, model);
        }
        redirect.addFlashAttribute("flash", "framework.edit.saved");
        return "redirect:/frameworks/" + identifier + "/edit" + (item == null ? "" : "/items/" + item);
    }

    private String message(UserFacingException e) {
        return messages.getMessage(e, LocaleContextHolder.getLocale());
    }

    private static String first(MultiValueMap<String, String> form, String name) {
        String value = form.getFirst(name);
        return value == null || value.isBlank() ? null : value.strip();
    }

    /** {@code name_en}, {@code name_fr}, ... fields; an absent field leaves the language unchanged. */
    private static Map<String, String> texts(MultiValueMap<String, String> form, String name, List<String> languages) {
        Map<String, String> result = new LinkedHashMap<>();
        for (String l : languages) {
            if (form.containsKey(name + "_" + l)) {
                String value = form.getFirst(name + "_" + l);
                result.put(l, value == null ? "" : value.replace("\r\n", "\n"));
            }
        }
        return result;
    }

    private static List<String> lines(String text) {
        if (text == null) {
            return List.of();
        }
        return text.replace("\r\n", "\n").lines().map(String::strip).filter(l -> !l.isEmpty()).toList();
    }

    /** One map per line number: line i of each language. */
    private static List<Map<String, String>> zip(Map<String, List<String>> perLanguage) {
        int max = perLanguage.values().stream().mapToInt(List::size).max().orElse(0);
        List<Map<String, String>> result = new ArrayList<>();
        for (int i = 0; i < max; i++) {
            Map<String, String> entry = new LinkedHashMap<>();
            for (Map.Entry<String, List<String>> e : perLanguage.entrySet()) {
                if (i < e.getValue().size()) {
                    entry.put(e.getKey(), e.getValue().get(i));
                }
            }
            result.add(entry);
        }
        return result;
    }

    static String text(Texts texts, String language) {
        return texts.exactly(language);
    }
}
