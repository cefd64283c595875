package org.outagedesk.notices;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import org.junit.jupiter.api.Test;

class QuietHoursTest {

    final QuietHours quiet = new QuietHours(LocalTime.of(21, 0), LocalTime.of(8, 0));
    final ZoneId pacific = ZoneId.of("America/Los_Angeles");

    @Test
    void a_text_in_the_evening_waits_until_eight_the_next_morning_in_the_subscribers_zone() {
        // 21:30 in Los Angeles on Oct 14, 2009 (PDT, -7)
        Instant evening = Instant.parse("2009-10-15T04:30:00Z");
        assertThat(quiet.nextAllowed(evening, pacific)).isEqualTo(Instant.parse("2009-10-15T15:00:00Z"));
    }

    @Test
    void a_text_after_midnight_waits_until_eight_the_same_morning() {
        Instant early = Instant.parse("2009-10-15T10:00:00Z"); // 03:00 PDT
        assertThat(quiet.nextAllowed(early, pacific)).isEqualTo(Instant.parse("2009-10-15T15:00:00Z"));
    }

    @Test
    void a_text_in_the_day_goes_at_once_and_eight_itself_is_allowed() {
        Instant day = Instant.parse("2009-10-15T17:02:00Z"); // 10:02 PDT
        assertThat(quiet.nextAllowed(day, pacific)).isEqualTo(day);
        Instant eight = Instant.parse("2009-10-15T15:00:00Z");
        assertThat(quiet.nextAllowed(eight, pacific)).isEqualTo(eight);
        Instant nine = Instant.parse("2009-10-16T04:00:00Z"); // 21:00 PDT
        assertThat(quiet.nextAllowed(nine, pacific)).isAfter(nine);
    }
}
