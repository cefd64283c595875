package org.outagedesk.notices;

import java.time.LocalTime;
import java.time.ZoneId;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * {@code outagedesk.notices.*}: quiet hours ({@code quiet-start} 21:00, {@code quiet-end} 08:00, in the subscriber's
 * local time, from the catalog: the home store's zone, else its region's: no texts in between unless the notice is
 * urgent), the zone of a subscriber the catalog does not place ({@code default-zone}), the address of the public
 * advisory ({@code advisory-url}, for {advisoryUrl}), and how many subscribers a background batch takes
 * ({@code batch-size}, 5,000: one transaction each; the impact list gives at most 5,000 at a time).
 */
@ConfigurationProperties("outagedesk.notices")
public record NoticeProperties(@Nullable LocalTime quietStart, @Nullable LocalTime quietEnd,
        @Nullable String defaultZone, @Nullable String advisoryUrl,
        @Nullable Integer batchSize) {

    public NoticeProperties {
        quietStart = quietStart == null ? LocalTime.of(21, 0) : quietStart;
        quietEnd = quietEnd == null ? LocalTime.of(8, 0) : quietEnd;
        defaultZone = defaultZone == null || defaultZone.isBlank() ? "America/New_York" : defaultZone;
        advisoryUrl = advisoryUrl == null || advisoryUrl.isBlank() ? "http://localhost:8080/advisory" : advisoryUrl;
        batchSize = batchSize == null ? 5000 : Math.max(1, batchSize);
    }

    /** The zone of a subscriber whose store and region the catalog does not know. */
    public ZoneId defaultZoneId() {
        return ZoneId.of(defaultZone);
    }
}
