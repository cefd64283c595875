package org.outagedesk.mail;

import java.time.Duration;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * {@code outagedesk.store-mail.*}: when stores that have not acknowledged a hold are reminded
 * ({@code reminders-before}: durations before the deadline; 0 is at the deadline; defaults 2h and 0), how often the
 * reminder and escalation check runs ({@code check-every}, 1 min), how late a missed reminder is still sent
 * ({@code reminder-window}, 1 h: after a long stop the old reminders are not sent all at once), and the console's
 * address for the links in the e-mails ({@code console-url}).
 */
@ConfigurationProperties("outagedesk.store-mail")
public record StoreMailProperties(@Nullable List<Duration> remindersBefore, @Nullable Duration checkEvery,
        @Nullable Duration reminderWindow, @Nullable String consoleUrl) {

    public StoreMailProperties {
        remindersBefore = remindersBefore == null || remindersBefore.isEmpty()
                ? List.of(Duration.ofHours(2), Duration.ZERO) : List.copyOf(remindersBefore);
        checkEvery = checkEvery == null ? Duration.ofMinutes(1) : checkEvery;
        reminderWindow = reminderWindow == null ? Duration.ofHours(1) : reminderWindow;
        consoleUrl = consoleUrl == null || consoleUrl.isBlank() ? "http://localhost:8080" : consoleUrl.strip();
        if (consoleUrl.endsWith("/")) {
            consoleUrl = consoleUrl.substring(0, consoleUrl.length() - 1);
        }
    }
}
