package org.outagedesk.outbox;

import com.samskivert.mustache.Mustache;
import com.samskivert.mustache.Template;
import jakarta.mail.MessagingException;
import jakarta.mail.SendFailedException;
import jakarta.mail.internet.MimeMessage;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Reader;
import java.net.ConnectException;
import java.net.SocketException;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.core.io.ClassPathResource;
import org.springframework.mail.MailAuthenticationException;
import org.springframework.mail.MailException;
import org.springframework.mail.MailSendException;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.JavaMailSenderImpl;
import org.springframework.mail.javamail.MimeMessageHelper;
import org.springframework.stereotype.Component;

/**
 * E-mail through the configured relay (Spring's JavaMailSender): a plain-text part and an HTML part made from the
 * same text by a Mustache template (which escapes it), the configured sender, and a List-Unsubscribe header. The
 * relay accepting a message is all SMTP says: such messages are SENT.
 */
@Component
class EmailSender implements ChannelSender {

    private final ObjectProvider<JavaMailSender> mail;
    private final MailProperties settings;
    private final OutboxProperties outbox;
    private final Template html;
    private volatile boolean lastDown = true;

    EmailSender(ObjectProvider<JavaMailSender> mail, MailProperties settings, OutboxProperties outbox)
            throws IOException {
        this.mail = mail;
        this.settings = settings;
        this.outbox = outbox;
        try (Reader r = new InputStreamReader(new ClassPathResource("templates/mail/message.mustache")
                .getInputStream(), StandardCharsets.UTF_8)) {
            this.html = Mustache.compiler().escapeHTML(true).compile(r);
        }
    }

    @Override
    public Channel channel() {
        return Channel.EMAIL;
    }

    @Override
    public double rate() {
        return outbox.emailRate();
    }

    @Override
    public void ensureReady() throws ChannelDownException {
        JavaMailSender sender = mail.getIfAvailable();
        if (sender == null) {
            throw new ChannelDownException("No mail relay is configured (spring.mail.host)");
        }
        if (lastDown && sender instanceof JavaMailSenderImpl impl) {
            try {
                impl.testConnection();
            } catch (MessagingException e) {
                throw new ChannelDownException("Mail relay " + impl.getHost() + ":" + impl.getPort()
                        + " unreachable (" + e.getClass().getSimpleName() + ")");
            }
        }
        lastDown = false;
    }

    /** One e-mail at a time: JavaMail's send returns when the relay has taken it. */
    @Override
    public int window() {
        return 1;
    }

    @Override
    public void send(OutboxMessage m, Pacer pacer, Consumer<SendResult> done) {
        JavaMailSender sender = mail.getIfAvailable();
        if (sender == null) {
            done.accept(new SendResult.NotSent("No mail relay is configured"));
            return;
        }
        if (lastDown) {
            // the relay went away during this batch: the rest goes back to the queue as it is
            done.accept(new SendResult.NotSent("The mail relay is down"));
            return;
        }
        pacer.acquire();
        SendResult r = sendOne(sender, m);
        if (r instanceof SendResult.NotSent) {
            lastDown = true;
        }
        done.accept(r);
    }

    @Override
    public boolean awaitOutstanding(Duration max) {
        return true;
    }

    private SendResult sendOne(JavaMailSender sender, OutboxMessage m) {
        if (m.address() == null) {
            return new SendResult.Permanent("No e-mail address");
        }
        try {
            MimeMessage message = render(sender, m);
            sender.send(message);
            String id = message.getMessageID();
            return new SendResult.Accepted(id == null ? "smtp-" + m.id() : cut(id));
        } catch (MailAuthenticationException e) {
            return new SendResult.NotSent("The mail relay refused our credentials");
        } catch (MailSendException e) {
            Throwable cause = e.getMessageExceptions().length > 0 ? e.getMessageExceptions()[0] : e.getCause();
            if (cause instanceof SendFailedException) {
                return new SendResult.Permanent("The relay refused the address");
            }
            if (connectionProblem(e)) {
                return new SendResult.NotSent("Mail relay unreachable");
            }
            return new SendResult.Temporary("The relay did not take the message", false);
        } catch (MailException e) {
            return connectionProblem(e) ? new SendResult.NotSent("Mail relay unreachable")
                    : new SendResult.Temporary("The relay did not take the message", false);
        } catch (MessagingException e) {
            return new SendResult.Permanent("The message could not be built: " + e.getClass().getSimpleName());
        }
    }

    MimeMessage render(JavaMailSender sender, OutboxMessage m) throws MessagingException {
        MimeMessage message = sender.createMimeMessage();
        MimeMessageHelper h = new MimeMessageHelper(message, true, "UTF-8");
        h.setFrom(settings.from());
        h.setTo(m.address());
        h.setSubject(m.subject() == null ? "" : m.subject());
        List<String> paragraphs = Arrays.stream(m.body().split("\\R\\s*\\R")).map(String::strip)
                .filter(p -> !p.isEmpty()).toList();
        String footer = "NOTICE".equals(m.kind())
                ? "You receive this message because your phone service was affected by an outage."
                : "You receive this message from Outage Desk as a store contact or a member of the incident team.";
        String htmlBody = html.execute(Map.of("subject", m.subject() == null ? "" : m.subject(), "paragraphs",
                paragraphs, "footer", footer));
        h.setText(m.body(), htmlBody);
        message.setHeader("List-Unsubscribe", "<" + settings.unsubscribe() + ">");
        message.setHeader("X-Outbox-Message", Long.toString(m.id()));
        return message;
    }

    private static boolean connectionProblem(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof ConnectException || t instanceof SocketException
                    || t instanceof UnknownHostException) {
                return true;
            }
        }
        if (e instanceof MailSendException s) {
            for (Exception x : s.getMessageExceptions()) {
                if (connectionProblem(x)) {
                    return true;
                }
            }
        }
        return false;
    }

    private static String cut(String s) {
        return s.length() > 80 ? s.substring(0, 80) : s;
    }

    @Nullable JavaMailSender sender() {
        return mail.getIfAvailable();
    }
}
