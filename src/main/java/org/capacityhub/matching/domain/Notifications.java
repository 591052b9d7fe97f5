package org.capacityhub.matching.domain;

import java.util.Locale;

import org.capacityhub.directory.Directory;
import org.capacityhub.platform.Mailer;
import org.capacityhub.platform.PlatformSettings;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * E-mail notifications of exchanges, sent through the platform's {@link Mailer} once the deciding transaction has
 * committed. They say who wrote and link to the exchange; they never carry the other side's contact details.
 */
@Component
class Notifications {

    private final Mailer mailer;
    private final Directory directory;
    private final MessageSource messages;
    private final PlatformSettings settings;

    Notifications(Mailer mailer, Directory directory, MessageSource messages, PlatformSettings settings) {
        this.mailer = mailer;
        this.directory = directory;
        this.messages = messages;
        this.settings = settings;
    }

    /** Tells a person (by id) that something happened in an exchange, after the current transaction commits. */
    void exchange(long personId, long exchangeId, String what, String title) {
        directory.person(personId).filter(p -> p.email() != null).ifPresent(person -> {
            Locale locale = person.languages().contains("fr") && !person.languages().contains("en")
                    ? Locale.FRENCH : Locale.ENGLISH;
            String subject = messages.getMessage("matching.mail." + what + ".subject", new Object[] {title},
                    locale);
            String body = messages.getMessage("matching.mail." + what + ".body", new Object[] {title,
                    settings.baseUrl() + "/matching/exchanges/" + exchangeId}, locale);
            afterCommit(() -> mailer.send(person.email(), subject, body));
        });
    }

    private static void afterCommit(Runnable send) {
        if (TransactionSynchronizationManager.isSynchronizationActive()) {
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCommit() {
                    send.run();
                }
            });
        } else {
            send.run();
        }
    }
}
