package io.allice.platform.notifications;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.Arrays;
import java.util.Map;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import io.allice.platform.support.ApiClient;
import io.allice.platform.support.ApiClient.Session;
import io.allice.platform.support.IntegrationTest;
import jakarta.mail.internet.MimeMessage;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** E-mail delivery against an SMTP server that the test runs on loopback. */
@IntegrationTest
class NotificationEmailIntegrationTests {

    static final GreenMail SMTP = startSmtp();

    @LocalServerPort
    int port;

    ApiClient api;

    static GreenMail startSmtp() {
        GreenMail smtp = new GreenMail(new ServerSetup(0, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
        smtp.start();
        return smtp;
    }

    @DynamicPropertySource
    static void smtpSettings(DynamicPropertyRegistry registry) {
        registry.add("allice.smtp.host", () -> "127.0.0.1");
        registry.add("allice.smtp.port", () -> SMTP.getSmtp().getPort());
        registry.add("allice.smtp.starttls", () -> "false");
        registry.add("allice.smtp.from", () -> "Allice <noreply@allice.test>");
    }

    @AfterAll
    static void stopSmtp() {
        SMTP.stop();
    }

    @BeforeEach
    void connect() {
        api = ApiClient.onPort(port);
    }

    @Test
    void emailsWarningToUser() throws Exception {
        Session alice = api.registerNew("mail_warning");

        api.post("/api/notify/send", alice.token(), Map.of("title", "Disk almost full", "message",
                "90% used", "notification_type", "warning", "action_url", "/settings/storage"));

        MimeMessage mail = awaitMailTo(alice.username() + "@example.test");
        assertThat(mail.getSubject()).isEqualTo("Disk almost full");
        assertThat(mail.getFrom()[0].toString()).contains("noreply@allice.test");
        assertThat((String) mail.getContent()).contains("90% used").contains("/settings/storage");
    }

    @Test
    void emailsInfoOnlyWhenAsked() throws Exception {
        Session quiet = api.registerNew("mail_quiet");
        Session asked = api.registerNew("mail_asked");

        api.post("/api/notify/send", quiet.token(), Map.of("title", "Quiet", "message", "no mail"));
        api.post("/api/notify/send", asked.token(), Map.of("title", "Please mail", "message", "mail me", "email", true));

        MimeMessage mail = awaitMailTo(asked.username() + "@example.test");
        assertThat(mail.getSubject()).isEqualTo("Please mail");
        assertThat(mailsTo(quiet.username() + "@example.test")).isZero();
    }

    private static MimeMessage awaitMailTo(String address) {
        return await().atMost(Duration.ofSeconds(20)).until(() -> Arrays.stream(SMTP.getReceivedMessages())
                .filter(message -> recipient(message).equalsIgnoreCase(address)).findFirst().orElse(null),
                message -> message != null);
    }

    private static long mailsTo(String address) {
        return Arrays.stream(SMTP.getReceivedMessages()).filter(message -> recipient(message).equalsIgnoreCase(address))
                .count();
    }

    private static String recipient(MimeMessage message) {
        try {
            return message.getAllRecipients()[0].toString();
        } catch (jakarta.mail.MessagingException e) {
            throw new IllegalStateException(e);
        }
    }
}
