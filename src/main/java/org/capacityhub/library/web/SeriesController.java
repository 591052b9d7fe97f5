package org.capacityhub.library.web;

import jakarta.servlet.http.HttpServletResponse;

import org.capacityhub.library.domain.LibraryService;
import org.capacityhub.library.domain.Series;
import org.capacityhub.platform.InvalidInputException;
import org.capacityhub.platform.PlatformSettings;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;

/** Knowledge blog series: list, one series with its published posts, and its Atom feed. */
@Controller
@RequestMapping("/library/series")
class SeriesController {

    private final LibraryService service;
    private final PlatformSettings settings;
    private final MessageSource messages;

    SeriesController(LibraryService service, PlatformSettings settings, MessageSource messages) {
        this.service = service;
        this.settings = settings;
        this.messages = messages;
    }

    @GetMapping
    String list(Model model) {
        model.addAttribute("seriesList", service.allSeries());
        return "library/series-list";
    }

    @PostMapping
    String create(@RequestParam(required = false) String title, @RequestParam(required = false) String description,
            @RequestParam(required = false) String language, Model model, HttpServletResponse response) {
        try {
            long id = service.createSeries(title, description, language);
            return "redirect:/library/series/" + id;
        } catch (InvalidInputException e) {
            response.setStatus(HttpStatus.BAD_REQUEST.value());
            model.addAttribute("seriesError", messages.getMessage(e, LocaleContextHolder.getLocale()));
            model.addAttribute("title", title);
            model.addAttribute("description", description);
            return list(model);
        }
    }

    @GetMapping("/{id}")
    String series(@PathVariable long id, Model model) {
        Series series = service.series(id);
        model.addAttribute("series", series);
        model.addAttribute("posts", service.posts(id));
        return "library/series";
    }

    @GetMapping(value = "/{id}/feed.atom")
    ResponseEntity<String> feed(@PathVariable long id) {
        Series series = service.series(id);
        return ResponseEntity.ok().contentType(MediaType.parseMediaType("application/atom+xml;charset=UTF-8"))
                .body(AtomFeed.of(series, service.posts(id), settings.baseUrl()));
    }
}
