package org.outagedesk.mail;

import com.samskivert.mustache.Mustache;
import com.samskivert.mustache.Template;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.core.io.ClassPathResource;
import org.springframework.stereotype.Component;

/**
 * The plain text of the store and team e-mails, from Mustache templates under {@code templates/mail/} (the outbox's
 * e-mail sender makes the HTML part from this text and escapes it). Times are written in the recipient's zone with
 * the zone named.
 */
@Component
class MailTexts {

    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("EEE MMM d, yyyy h:mm a z", Locale.US);

    private final Map<String, Template> templates = new ConcurrentHashMap<>();

    String render(String name, Map<String, ?> values) {
        Template t = templates.computeIfAbsent(name, n -> {
            try (Reader r = new InputStreamReader(new ClassPathResource("templates/mail/" + n + ".txt.mustache")
                    .getInputStream(), StandardCharsets.UTF_8)) {
                // plain text: nothing to escape here; the HTML part escapes it
                return Mustache.compiler().escapeHTML(false).defaultValue("").compile(r);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
        return t.execute(values).strip();
    }

    /** "Mon Oct 5, 2009 2:00 PM EDT (America/New_York)". */
    static String when(Instant instant, ZoneId zone) {
        return WHEN.format(instant.atZone(zone)) + " (" + zone.getId() + ")";
    }
}
