package io.allice.platform.notifications;

import java.time.Duration;
import java.time.Instant;
import java.util.Properties;

import com.github.kagkarlsson.scheduler.SchedulerClient;
import com.github.kagkarlsson.scheduler.task.FailureHandler;
import com.github.kagkarlsson.scheduler.task.helper.OneTimeTask;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import io.allice.platform.auth.UserDirectory;
import io.allice.platform.auth.UserDirectory.UserContact;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Lazy;
import org.springframework.mail.SimpleMailMessage;
import org.springframework.mail.javamail.JavaMailSenderImpl;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * E-mails notifications as durable jobs: the job is scheduled in the transaction that stores
 * the notification, retried with exponential backoff when the SMTP server fails, and given up
 * after {@link #MAX_ATTEMPTS} attempts, which marks the notification's e-mail as failed.
 */
@Configuration(proxyBeanMethods = false)
class NotificationEmails {

    private static final Logger log = LoggerFactory.getLogger(NotificationEmails.class);
    static final String TASK_NAME = "notification-email";
    static final int MAX_ATTEMPTS = 6;

    private final SmtpProperties smtp;
    private final ObjectProvider<SchedulerClient> scheduler;
    private final ObjectProvider<OneTimeTask<Long>> task;

    NotificationEmails(SmtpProperties smtp, @Lazy ObjectProvider<SchedulerClient> scheduler,
            @Lazy @Qualifier("notificationEmailTask") ObjectProvider<OneTimeTask<Long>> task) {
        this.smtp = smtp;
        this.scheduler = scheduler;
        this.task = task;
        if (smtp.configured()) {
            log.info("Notification e-mail goes through SMTP server {}:{}", smtp.host(), smtp.port());
        } else {
            log.info("SMTP_HOST is not set, so notifications are not e-mailed");
        }
    }

    boolean enabled() {
        return smtp.configured();
    }

    /** Schedules the e-mail of a stored notification, in the caller's transaction. */
    void schedule(long notificationId) {
        OneTimeTask<Long> emailTask = task.getObject();
        scheduler.getObject().schedule(emailTask.instance(Long.toString(notificationId), notificationId), Instant.now());
    }

    @Bean
    OneTimeTask<Long> notificationEmailTask(NotificationRepository notifications, UserDirectory users,
            TransactionTemplate transactions) {
        JavaMailSenderImpl sender = mailSender();
        FailureHandler<Long> backoff = new FailureHandler.ExponentialBackoffFailureHandler<>(Duration.ofSeconds(5), 2.0);
        return Tasks.oneTime(TASK_NAME, Long.class)
                .onFailure(new FailureHandler.MaxRetriesFailureHandler<>(MAX_ATTEMPTS, backoff, (complete, operations) -> {
                    long id = (Long) complete.getExecution().taskInstance.getData();
                    log.error("Giving up e-mailing notification {} after {} attempts", id, MAX_ATTEMPTS);
                    transactions.executeWithoutResult(status -> notifications.findById(id).ifPresent(Notification::emailFailed));
                }))
                .execute((instance, context) -> {
                    long id = instance.getData();
                    Notification notification = notifications.findById(id).orElse(null);
                    UserContact recipient = notification == null ? null : users.findContact(notification.userId()).orElse(null);
                    if (notification == null || recipient == null) {
                        log.info("Notification {} or its user is gone; no e-mail sent", id);
                        return;
                    }
                    sender.send(message(notification, recipient));
                    transactions.executeWithoutResult(status -> notifications.findById(id).ifPresent(Notification::emailSent));
                    log.info("E-mailed notification {} to user {}", id, recipient.id());
                });
    }

    private SimpleMailMessage message(Notification notification, UserContact recipient) {
        SimpleMailMessage message = new SimpleMailMessage();
        message.setFrom(smtp.sender());
        message.setTo(recipient.email());
        message.setSubject(notification.title());
        StringBuilder body = new StringBuilder(notification.message());
        if (notification.actionUrl() != null) {
            body.append("\n\n").append(notification.actionUrl());
        }
        message.setText(body.toString());
        return message;
    }

    private JavaMailSenderImpl mailSender() {
        JavaMailSenderImpl sender = new JavaMailSenderImpl();
        if (!smtp.configured()) {
            return sender;
        }
        sender.setHost(smtp.host());
        sender.setPort(smtp.port());
        sender.setDefaultEncoding("UTF-8");
        Properties properties = sender.getJavaMailProperties();
        properties.put("mail.smtp.connectiontimeout", "10000");
        properties.put("mail.smtp.timeout", "30000");
        properties.put("mail.smtp.writetimeout", "30000");
        if (smtp.username() != null && !smtp.username().isBlank()) {
            sender.setUsername(smtp.username());
            sender.setPassword(smtp.password());
            properties.put("mail.smtp.auth", "true");
        }
        if (smtp.starttls()) {
            properties.put("mail.smtp.starttls.enable", "true");
        }
        return sender;
    }
}
