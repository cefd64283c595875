package org.outagedesk.outbox;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.GreenMailUtil;
import jakarta.mail.BodyPart;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Multipart;
import jakarta.mail.internet.MimeMessage;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.outagedesk.base.IncidentManagersOnly;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Service;

/** What the demo SMTP server received, for incident managers (there is no such server in prod). */
@Service
public class DemoMailbox {

    /** An e-mail as the demo relay got it: plain text only, cut to 2,000 characters. */
    public record ReceivedMail(@Nullable Instant receivedAt, String from, String to, String subject,
            @Nullable String listUnsubscribe, String text) {
    }

    private final ObjectProvider<GreenMail> server;

    DemoMailbox(ObjectProvider<GreenMail> server) {
        this.server = server;
    }

    public boolean isAvailable() {
        return server.getIfAvailable() != null;
    }

    /** The newest {@code limit} e-mails, newest first. */
    @IncidentManagersOnly
    public List<ReceivedMail> latest(int limit) {
        GreenMail mail = server.getIfAvailable();
        if (mail == null) {
            return List.of();
        }
        MimeMessage[] all = mail.getReceivedMessages();
        List<ReceivedMail> out = new ArrayList<>();
        for (int k = all.length - 1; k >= 0 && out.size() < Math.min(Math.max(limit, 1), 200); k--) {
            out.add(read(all[k]));
        }
        return out;
    }

    @IncidentManagersOnly
    public int count() {
        GreenMail mail = server.getIfAvailable();
        return mail == null ? 0 : mail.getReceivedMessages().length;
    }

    static ReceivedMail read(MimeMessage m) {
        try {
            String text = plainText(m);
            String[] unsub = m.getHeader("List-Unsubscribe");
            return new ReceivedMail(m.getReceivedDate() == null ? null : m.getReceivedDate().toInstant(),
                    m.getFrom() == null ? "" : m.getFrom()[0].toString(),
                    m.getRecipients(Message.RecipientType.TO) == null ? ""
                            : m.getRecipients(Message.RecipientType.TO)[0].toString(),
                    m.getSubject() == null ? "" : m.getSubject(), unsub == null ? null : unsub[0],
                    text.length() > 2000 ? text.substring(0, 2000) : text);
        } catch (MessagingException e) {
            return new ReceivedMail(null, "", "", "(unreadable)", null, "");
        }
    }

    private static String plainText(MimeMessage m) {
        try {
            Object content = m.getContent();
            if (content instanceof Multipart mp) {
                String found = firstText(mp);
                if (found != null) {
                    return found;
                }
            }
            return content instanceof String s ? s : GreenMailUtil.getBody(m);
        } catch (Exception e) {
            return GreenMailUtil.getBody(m);
        }
    }

    private static @Nullable String firstText(Multipart mp) throws Exception {
        for (int k = 0; k < mp.getCount(); k++) {
            BodyPart part = mp.getBodyPart(k);
            if (part.isMimeType("text/plain")) {
                return String.valueOf(part.getContent());
            }
            if (part.getContent() instanceof Multipart inner) {
                String found = firstText(inner);
                if (found != null) {
                    return found;
                }
            }
        }
        return null;
    }
}
