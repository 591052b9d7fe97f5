package org.capacityhub.platform.demo;

import java.security.Principal;

import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** The administrator's one-click demo dataset. */
@Controller
@RequestMapping("/admin/demo")
class DemoController {

    private final DemoDataset demo;

    DemoController(DemoDataset demo) {
        this.demo = demo;
    }

    @GetMapping
    String page(org.springframework.ui.Model model) {
        model.addAttribute("signIns", demo.signIns());
        return "platform/demo";
    }

    @PostMapping
    String load(Principal principal, RedirectAttributes redirect) {
        boolean loaded = demo.load(principal.getName());
        redirect.addFlashAttribute("flash", loaded ? "demo.loaded" : "demo.alreadyLoaded");
        return "redirect:/admin/demo";
    }
}
