package org.capacityhub.platform.mail;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.Map;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.GreenMailUtil;
import com.icegreen.greenmail.util.ServerSetupTest;
import jakarta.mail.internet.MimeMessage;
import org.capacityhub.directory.account.TestAccounts;
import org.capacityhub.directory.account.UserAccount;
import org.capacityhub.platform.InvalidInputException;
import org.capacityhub.platform.Mailer;
import org.capacityhub.support.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.support.StaticListableBeanFactory;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.JavaMailSenderImpl;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.transaction.PlatformTransactionManager;

/**
 * Nothing is silently dropped: without an SMTP server messages wait in the outbox (and the log); with one they are
 * sent (checked against a real SMTP server, GreenMail) and their status recorded, failures included.
 */
@IntegrationTest
class MailerTest {

    @RegisterExtension
    static GreenMailExtension smtpServer = new GreenMailExtension(ServerSetupTest.SMTP.dynamicPort());

    @Autowired
    Mailer mailer;

    @Autowired
    OutboxMessageRepository outbox;

    @Autowired
    PlatformTransactionManager transactions;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    MockMvc mvc;

    @Autowired
    TestAccounts accounts;

    private OutboxMailer mailerThrough(JavaMailSender sender) {
        ObjectProvider<JavaMailSender> provider = new StaticListableBeanFactory(Map.of("mailSender", sender))
                .getBeanProvider(JavaMailSender.class);
        return new OutboxMailer(outbox, provider, transactions, "Capacity Hub <hub@example.org>");
    }

    private Map<String, Object> outboxRow(String recipient) {
        return jdbc.queryForMap("select * from outbox_message where recipient = ?", recipient);
    }

    @Test
    void withoutAnSmtpServerTheMessageWaitsInTheOutboxForAnAdministrator() throws Exception {
        String to = TestAccounts.unique("kept") + "@example.org";
        assertThat(mailer.send(to, "Kept subject", "Kept body with a link")).isEqualTo(Mailer.Delivery.KEPT_IN_OUTBOX);
        Map<String, Object> row = outboxRow(to);
        assertThat(row.get("subject")).isEqualTo("Kept subject");
        assertThat(row.get("body")).isEqualTo("Kept body with a link");
        assertThat(row.get("sent_at")).isNull();

        UserAccount admin = accounts.create("postmaster", true, false);
        MockHttpSession session = TestAccounts.signIn(mvc, admin.getUsername(), TestAccounts.PASSWORD);
        mvc.perform(get("/admin/outbox").session(session)).andExpect(status().isOk())
                .andExpect(content().string(containsString(to)))
                .andExpect(content().string(containsString("Kept body with a link")))
                .andExpect(content().string(containsString("No mail server is configured")));

        UserAccount member = accounts.create("member", false, false);
        MockHttpSession memberSession = TestAccounts.signIn(mvc, member.getUsername(), TestAccounts.PASSWORD);
        mvc.perform(get("/admin/outbox").session(memberSession)).andExpect(status().isForbidden());
    }

    @Test
    void withAnSmtpServerTheMessageIsSentAndItsBodyNotKept() throws Exception {
        JavaMailSenderImpl sender = new JavaMailSenderImpl();
        sender.setHost("127.0.0.1");
        sender.setPort(smtpServer.getSmtp().getPort());
        String to = TestAccounts.unique("sent") + "@example.org";

        assertThat(mailerThrough(sender).send(to, "Your invitation", "Open https://hub.example.org/invitations/inv_x"))
                .isEqualTo(Mailer.Delivery.SENT);

        assertThat(smtpServer.waitForIncomingEmail(5_000, 1)).isTrue();
        MimeMessage received = smtpServer.getReceivedMessages()[0];
        assertThat(received.getSubject()).isEqualTo("Your invitation");
        assertThat(received.getAllRecipients()[0].toString()).isEqualTo(to);
        assertThat(received.getFrom()[0].toString()).contains("hub@example.org");
        assertThat(GreenMailUtil.getBody(received)).contains("https://hub.example.org/invitations/inv_x");

        Map<String, Object> row = outboxRow(to);
        assertThat(row.get("sent_at")).isNotNull();
        assertThat(row.get("error")).isNull();
        assertThat(row.get("body")).isNull();
    }

    @Test
    void aFailedDeliveryIsRecordedAndTheMessageKept() {
        JavaMailSenderImpl sender = new JavaMailSenderImpl();
        sender.setHost("127.0.0.1");
        sender.setPort(smtpServer.getSmtp().getPort());
        smtpServer.stop();
        String to = TestAccounts.unique("failed") + "@example.org";
        try {
            assertThat(mailerThrough(sender).send(to, "Lost?", "Not lost")).isEqualTo(Mailer.Delivery.FAILED);
        } finally {
            smtpServer.start();
        }
        Map<String, Object> row = outboxRow(to);
        assertThat(row.get("sent_at")).isNull();
        assertThat((String) row.get("error")).isNotBlank();
        assertThat(row.get("body")).isEqualTo("Not lost");
    }

    @Test
    void anInvalidAddressIsRefused() {
        assertThatThrownBy(() -> mailer.send("not an address", "s", "b")).isInstanceOf(InvalidInputException.class);
    }
}
