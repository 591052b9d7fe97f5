package org.capacityhub.assessment.campaign;

import org.capacityhub.platform.AuditContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.EnableScheduling;
import org.springframework.scheduling.annotation.Scheduled;

/**
 * The daily campaign reminders: at {@code capacityhub.campaigns.reminders.cron} (default 07:00 UTC) those who have
 * not done what a running campaign asks get a reminder by e-mail. Off with
 * {@code capacityhub.campaigns.reminders.enabled=false}.
 */
@Configuration
@EnableScheduling
@ConditionalOnProperty(name = "capacityhub.campaigns.reminders.enabled", havingValue = "true", matchIfMissing = true)
class CampaignReminderJob {

    private static final Logger log = LoggerFactory.getLogger(CampaignReminderJob.class);

    private final CampaignService campaigns;

    CampaignReminderJob(CampaignService campaigns) {
        this.campaigns = campaigns;
    }

    @Scheduled(cron = "${capacityhub.campaigns.reminders.cron:0 0 7 * * *}", zone = "UTC")
    void remind() {
        int sent = AuditContext.call("campaign-reminders", AuditContext.Channel.JOB, campaigns::remindAllDue);
        log.info("Campaign reminders: {} sent.", sent);
    }
}
