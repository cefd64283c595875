package org.outagedesk.incident;

import java.time.Duration;
import java.time.Instant;
import java.util.EnumMap;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * How often an open incident must tell the public something new, by severity (settings
 * {@code outagedesk.cadence.sev1..sev4}: every hour, 4 hours, a day, a day). The next public update is due one period
 * after the newest PUBLIC entry that has happened (or after the start of the incident when there is none yet).
 * Regulators expect updates on a fixed rhythm and criticise carriers that go quiet; this is the rhythm.
 */
@Component
public class UpdateCadence {

    private static final Duration SHORTEST = Duration.ofMinutes(1);

    private final Map<Severity, Duration> periods = new EnumMap<>(Severity.class);

    UpdateCadence(@Value("${outagedesk.cadence.sev1:1h}") Duration sev1,
            @Value("${outagedesk.cadence.sev2:4h}") Duration sev2,
            @Value("${outagedesk.cadence.sev3:1d}") Duration sev3,
            @Value("${outagedesk.cadence.sev4:1d}") Duration sev4) {
        put(Severity.SEV1, sev1);
        put(Severity.SEV2, sev2);
        put(Severity.SEV3, sev3);
        put(Severity.SEV4, sev4);
    }

    private void put(Severity severity, Duration period) {
        if (period.compareTo(SHORTEST) < 0) {
            throw new IllegalArgumentException("outagedesk.cadence." + severity.name().toLowerCase()
                    + " is " + period + "; the update cadence must be at least a minute");
        }
        periods.put(severity, period);
    }

    public Duration periodOf(Severity severity) {
        return periods.get(severity);
    }

    /**
     * When the next public update of this incident is due; null when it is resolved (nothing more is owed).
     * {@code newestPublic} is the time of its newest current PUBLIC entry that has happened, or null.
     */
    public @Nullable UpdateDue dueFor(Incident incident, @Nullable Instant newestPublic) {
        if (!incident.getStatus().isOpen()) {
            return null;
        }
        Instant from = newestPublic == null || newestPublic.isBefore(incident.getStartedAt())
                ? incident.getStartedAt() : newestPublic;
        Duration period = periodOf(incident.getSeverity());
        return new UpdateDue(from, period, from.plus(period));
    }
}
