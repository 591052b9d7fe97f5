package org.capacityhub.planning.domain;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.capacityhub.directory.Directory;
import org.capacityhub.platform.AuditContext;
import org.capacityhub.platform.Mailer;
import org.capacityhub.platform.PlatformSettings;
import org.jobrunr.jobs.annotations.Recurring;
import org.jobrunr.jobs.annotations.Job;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Reminders: every morning (a JobRunr recurring job), the owner of each activity of an agreed or running plan that
 * is due within a week or overdue gets an e-mail, at most once a week per activity.
 */
@Component
public class Reminders {

    static final int DAYS_AHEAD = 7;

    private final PlanRepository plans;
    private final Directory directory;
    private final Mailer mailer;
    private final MessageSource messages;
    private final TransactionTemplate transaction;
    private final PlatformSettings settings;
    private final Clock clock;

    Reminders(PlanRepository plans, Directory directory, Mailer mailer, MessageSource messages,
            TransactionTemplate transaction, PlatformSettings settings, ObjectProvider<Clock> clock) {
        this.plans = plans;
        this.directory = directory;
        this.mailer = mailer;
        this.messages = messages;
        this.transaction = transaction;
        this.settings = settings;
        this.clock = clock.getIfAvailable(Clock::systemUTC);
    }

    private record Reminder(String to, String subject, String body) {}

    @Recurring(id = "planning-reminders", cron = "${capacityhub.planning.reminders-cron:0 7 * * *}")
    @Job(name = "Plan reminders")
    public void sendDue() {
        send(LocalDate.now(clock));
    }

    /** Sends the reminders due on {@code today}; returns how many were sent. */
    public int send(LocalDate today) {
        List<Reminder> due = AuditContext.call("system", AuditContext.Channel.JOB, () -> transaction.execute(s -> {
            List<Reminder> found = new ArrayList<>();
            for (PlanItem i : plans.findItemsToRemind(today.plusDays(DAYS_AHEAD), today.minusDays(DAYS_AHEAD))) {
                var owner = directory.person(i.getOwnerPersonId()).orElse(null);
                if (owner == null || owner.email() == null) {
                    continue;
                }
                Locale locale = owner.languages().contains("fr") && !owner.languages().contains("en")
                        ? Locale.FRENCH : Locale.ENGLISH;
                String link = settings.baseUrl() + "/plans/" + i.getPlan().getId();
                boolean overdue = i.overdue(today);
                found.add(new Reminder(owner.email(),
                        messages.getMessage(overdue ? "planning.reminder.subject.overdue" : "planning.reminder.subject",
                                new Object[] {i.getTitle()}, locale),
                        messages.getMessage("planning.reminder.body", new Object[] {owner.fullName(), i.getTitle(),
                                i.getPlan().getTitle(), i.getDueOn().toString(), i.getProgress(), link}, locale)));
                i.reminded(today);
            }
            return found;
        }));
        due.forEach(r -> mailer.send(r.to(), r.subject(), r.body()));
        return due.size();
    }
}
