package org.capacityhub.library.web;

import org.capacityhub.directory.Directory;
import org.capacityhub.directory.DirectoryAccess;
import org.capacityhub.library.domain.LibraryService;
import org.capacityhub.library.search.IndexHealth;
import org.capacityhub.platform.InvalidInputException;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** Administrators: the search index (rebuild) and the library's curators. */
@Controller
@RequestMapping("/library/admin")
class LibraryAdminController {

    private final DirectoryAccess access;
    private final IndexHealth index;
    private final LibraryService service;
    private final Directory directory;
    private final MessageSource messages;

    LibraryAdminController(DirectoryAccess access, IndexHealth index, LibraryService service, Directory directory,
            MessageSource messages) {
        this.access = access;
        this.index = index;
        this.service = service;
        this.directory = directory;
        this.messages = messages;
    }

    @GetMapping
    String page(Model model) {
        access.requireAdministrator();
        model.addAttribute("rebuild", index.last());
        model.addAttribute("indexed", index.indexedCount());
        model.addAttribute("curators", service.curators());
        model.addAttribute("people", directory.peopleWhoCanSignIn());
        return "library/admin";
    }

    @PostMapping("/reindex")
    String reindex(RedirectAttributes redirect) {
        access.requireAdministrator();
        index.rebuild("administrator");
        redirect.addFlashAttribute("flash", "library.admin.reindexStarted");
        return "redirect:/library/admin";
    }

    @PostMapping("/curators")
    String addCurator(@RequestParam(required = false) Long personId, RedirectAttributes redirect) {
        access.requireAdministrator();
        try {
            if (personId == null) {
                throw new InvalidInputException("personId", "library.curator.unknown", "Unknown person");
            }
            service.addCurator(personId);
            redirect.addFlashAttribute("flash", "library.admin.curatorAdded");
        } catch (InvalidInputException e) {
            redirect.addFlashAttribute("curatorError", messages.getMessage(e, LocaleContextHolder.getLocale()));
        }
        return "redirect:/library/admin";
    }

    @PostMapping("/curators/{personId}/remove")
    String removeCurator(@PathVariable long personId, RedirectAttributes redirect) {
        access.requireAdministrator();
        service.removeCurator(personId);
        redirect.addFlashAttribute("flash", "library.admin.curatorRemoved");
        return "redirect:/library/admin";
    }
}
