package org.capacityhub.platform.mail;

import jakarta.mail.internet.AddressException;
import jakarta.mail.internet.InternetAddress;

import org.capacityhub.platform.InvalidInputException;
import org.capacityhub.platform.Mailer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.mail.MailException;
import org.springframework.mail.SimpleMailMessage;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The {@link Mailer}: records every message in the outbox, then sends it through the SMTP server when one is
 * configured ({@code spring.mail.host}); otherwise writes it to the log so that an administrator can forward it.
 */
@Service
class OutboxMailer implements Mailer {

    private static final Logger log = LoggerFactory.getLogger(OutboxMailer.class);

    private final OutboxMessageRepository outbox;
    private final ObjectProvider<JavaMailSender> smtp;
    private final TransactionTemplate ownTransaction;
    private final String from;

    OutboxMailer(OutboxMessageRepository outbox, ObjectProvider<JavaMailSender> smtp,
            PlatformTransactionManager transactions,
            @Value("${capacityhub.mail.from:Capacity Hub <no-reply@localhost>}") String from) {
        this.outbox = outbox;
        this.smtp = smtp;
        this.ownTransaction = new TransactionTemplate(transactions);
        this.ownTransaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
        this.from = from;
    }

    @Override
    public Delivery send(String to, String subject, String body) {
        String recipient = checkAddress(to);
        OutboxMessage message = ownTransaction.execute(s -> outbox.save(new OutboxMessage(recipient, subject, body)));
        JavaMailSender sender = smtp.getIfAvailable();
        if (sender == null) {
            log.info("""
                    No SMTP server is configured (spring.mail.host): e-mail #{} kept in the outbox (/admin/outbox).
                      To:      {}
                      Subject: {}

                    {}""", message.getId(), recipient, subject, body);
            return Delivery.KEPT_IN_OUTBOX;
        }
        SimpleMailMessage mail = new SimpleMailMessage();
        mail.setFrom(from);
        mail.setTo(recipient);
        mail.setSubject(subject);
        mail.setText(body);
        try {
            sender.send(mail);
        } catch (MailException e) {
            log.warn("E-mail #{} to {} could not be sent; kept in the outbox: {}", message.getId(), recipient,
                    e.getMessage());
            update(message.getId(), m -> m.markFailed(e.getMessage()));
            return Delivery.FAILED;
        }
        update(message.getId(), OutboxMessage::markSent);
        return Delivery.SENT;
    }

    private void update(Long id, java.util.function.Consumer<OutboxMessage> change) {
        ownTransaction.executeWithoutResult(s -> outbox.findById(id).ifPresent(change));
    }

    private static String checkAddress(String to) {
        try {
            InternetAddress address = new InternetAddress(to == null ? "" : to.strip(), true);
            return address.getAddress();
        } catch (AddressException e) {
            throw new InvalidInputException("email", "mail.address.invalid", "This is not a valid e-mail address.");
        }
    }
}
