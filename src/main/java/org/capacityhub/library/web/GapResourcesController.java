package org.capacityhub.library.web;

import java.util.Set;

import org.capacityhub.library.Library;
import org.capacityhub.platform.NotFoundException;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/** "Resources for this gap": the library's suggestions for each gap of an assessment against a target profile. */
@Controller
class GapResourcesController {

    private final Library library;

    GapResourcesController(Library library) {
        this.library = library;
    }

    @GetMapping("/library/gaps")
    String gaps(@RequestParam long assessmentId, @RequestParam long targetProfileId, Model model) {
        model.addAttribute("gaps", library.forGaps(assessmentId, targetProfileId, Set.of(), 5)
                .orElseThrow(() -> new NotFoundException("Assessment", assessmentId)));
        model.addAttribute("assessmentId", assessmentId);
        return "library/gaps";
    }
}
