package org.capacityhub.platform.mail;

import org.springframework.data.domain.PageRequest;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/** The administrators' view of every e-mail the platform sent or kept ({@code /admin/**}: administrators only). */
@Controller
class OutboxController {

    private static final int PAGE_SIZE = 50;

    private final OutboxMessageRepository outbox;
    private final org.springframework.beans.factory.ObjectProvider<org.springframework.mail.javamail.JavaMailSender> smtp;

    OutboxController(OutboxMessageRepository outbox,
            org.springframework.beans.factory.ObjectProvider<org.springframework.mail.javamail.JavaMailSender> smtp) {
        this.outbox = outbox;
        this.smtp = smtp;
    }

    @GetMapping("/admin/outbox")
    String page(@RequestParam(defaultValue = "0") int page, Model model) {
        model.addAttribute("messages", outbox.findAllByOrderByIdDesc(PageRequest.of(Math.max(0, page), PAGE_SIZE)));
        model.addAttribute("smtpConfigured", smtp.getIfAvailable() != null);
        return "platform/outbox";
    }
}
