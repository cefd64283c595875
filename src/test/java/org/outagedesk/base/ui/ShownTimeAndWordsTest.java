package org.outagedesk.base.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.outagedesk.base.Money;
import org.outagedesk.credits.CampaignStatus;
import org.outagedesk.impact.DataLossStatus;
import org.outagedesk.incident.IncidentStatus;
import org.outagedesk.incident.TimelineEntryType;

class ShownTimeAndWordsTest {

    private static final ZoneId PACIFIC = ZoneId.of("America/Los_Angeles");
    private static final ZoneId NEW_YORK = ZoneId.of("America/New_York");
    private static final Instant HOLD = Instant.parse("2009-10-12T19:30:00Z"); // 12:30 pm Pacific

    @Test
    void a_time_is_shown_in_one_format_with_its_zone_named() {
        assertThat(ShownTime.at(HOLD, PACIFIC)).isEqualTo("Oct 12, 2009, 12:30 PM PDT");
        assertThat(ShownTime.at(HOLD, ZoneId.of("Etc/UTC"))).isEqualTo("Oct 12, 2009, 7:30 PM UTC");
        assertThat(ShownTime.at(null, PACIFIC)).isEmpty();
    }

    @Test
    void the_incidents_zone_stands_beside_the_viewers_when_they_differ() {
        assertThat(ShownTime.withIncident(HOLD, NEW_YORK, PACIFIC))
                .isEqualTo("Oct 12, 2009, 3:30 PM EDT (12:30 PM PDT, incident time)");
        assertThat(ShownTime.withIncident(HOLD, PACIFIC, PACIFIC)).isEqualTo("Oct 12, 2009, 12:30 PM PDT");
    }

    @Test
    void a_zone_is_named_in_words() {
        assertThat(ShownTime.zoneLongName(PACIFIC)).isEqualTo("Pacific Time");
        assertThat(ShownTime.zoneLongName(ZoneId.of("Etc/UTC"))).isEqualTo("UTC");
    }

    @Test
    void codes_become_words_and_numbers_get_separators_and_plurals() {
        assertThat(Words.of(TimelineEntryType.RETAIL_INSTRUCTION)).isEqualTo("Instruction to stores");
        assertThat(Words.of(IncidentStatus.MONITORING)).doesNotContain("MONITORING");
        assertThat(Words.of(DataLossStatus.DEVICE_ONLY)).isEqualTo("Only on device");
        assertThat(Words.of(CampaignStatus.SUBMITTED)).isEqualTo("Waiting for approval");
        assertThat(Words.plain("PERMANENT_LOSS")).isEqualTo("Permanent loss");
        assertThat(Words.money(Money.usd("553160"))).isEqualTo("$553,160.00");
        assertThat(Words.number(15_145) + " of " + Words.number(20_000)).isEqualTo("15,145 of 20,000");
        assertThat(Words.count(1, "credit") + ", " + Words.count(2, "credit")).isEqualTo("1 credit, 2 credits");
        assertThat(ShownTime.duration(Duration.ofHours(49))).isEqualTo("2 days 1 hour");
    }

    @Test
    void one_menu_entry_lights_up_credits_does_not_light_up_for_credit_approvals() {
        var paths = List.of("/subscribers", "/credits", "/credits/approvals", "/campaigns");
        assertThat(MainLayout.matchesNested("/credits", paths)).isFalse();
        assertThat(MainLayout.matchesNested("/credits/approvals", paths)).isTrue();
        assertThat(MainLayout.matchesNested("/subscribers", paths)).as("a subscriber's page lights up Subscribers")
                .isTrue();
    }
}
