package org.outagedesk.notices;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.outagedesk.IntegrationTest;
import org.outagedesk.TestClock;
import org.outagedesk.base.SystemActor;
import org.outagedesk.catalog.CatalogService;
import org.outagedesk.catalog.RegionDetails;
import org.outagedesk.catalog.StoreDetails;
import org.outagedesk.impact.DataLossStatus;
import org.outagedesk.impact.ImpactFilter;
import org.outagedesk.impact.ImpactService;
import org.outagedesk.impact.ImportMode;
import org.outagedesk.impact.ImportResult;
import org.outagedesk.incident.IncidentService;
import org.springframework.beans.factory.annotation.Autowired;

/** Quiet hours follow the catalog: the subscriber's store's zone, not a map of regions in the settings. */
@IntegrationTest
class QuietHoursZonesTest {

    @Autowired
    NoticeService notices;
    @Autowired
    CatalogService catalog;
    @Autowired
    IncidentService incidents;
    @Autowired
    ImpactService impacts;
    @Autowired
    TestClock clock;

    @AfterEach
    void putBack() {
        clock.reset();
    }

    @Test
    void at_half_past_eleven_in_new_york_a_phoenix_subscriber_is_texted_at_once_and_a_new_yorker_waits() {
        String tag = UUID.randomUUID().toString().substring(0, 6).toUpperCase(Locale.ROOT);
        // a region whose own zone (Denver, daylight time) is in quiet hours at that moment: the store's zone wins
        String region = "Desert " + tag;
        String phoenix = "C-AZ-PHX-" + tag;
        SystemActor.run(() -> {
            catalog.saveRegion(new RegionDetails(region, "America/Denver", null, null));
            catalog.addStore(new StoreDetails(phoenix, "Phoenix test store " + tag, region, "Phoenix", "COMPANY", null,
                    "America/Phoenix"));
        });
        long incident = NoticeTestSupport.newIncident(incidents);
        String inPhoenix = NoticeTestSupport.msisdn();
        String inNewYork = NoticeTestSupport.msisdn();
        String csv = "msisdn,account,name,sku,store,data_plan,status,categories,last_sync\n"
                + inPhoenix + ",ACC-PHX" + tag + ",Pat Phoenix,SK-LX09-CARBLA," + phoenix + ",true,LOST,PHOTOS,\n"
                + inNewYork + ",ACC-NYC" + tag + ",Noa NewYork,SK-LX09-CARBLA,D-NY-UWS-01,true,LOST,PHOTOS,\n";
        byte[] bytes = csv.getBytes(StandardCharsets.UTF_8);
        ImportResult imported = SystemActor.call(() -> impacts.importCsv(incident, new ByteArrayInputStream(bytes),
                bytes.length, "zones.csv", ImportMode.ALL_OR_NOTHING));
        assertThat(imported.applied()).as("import: %s", imported.errors()).isTrue();

        // 2026-07-10 03:30 UTC: 23:30 in New York (EDT), 21:30 in Denver (MDT), 20:30 in Phoenix (no daylight time)
        clock.setFixed(Instant.parse("2026-07-10T03:30:00Z"));
        assertThat(waiting(incident, phoenix)).as("the Phoenix subscriber waits").isZero();
        assertThat(waiting(incident, "D-NY-UWS-01")).as("the New York subscriber waits").isEqualTo(1);
        assertThat(waiting(incident, null)).isEqualTo(1);

        // 2026-07-10 04:30 UTC: 21:30 in Phoenix: both wait
        clock.setFixed(Instant.parse("2026-07-10T04:30:00Z"));
        assertThat(waiting(incident, phoenix)).isEqualTo(1);
        assertThat(waiting(incident, null)).isEqualTo(2);
    }

    private long waiting(long incident, String store) {
        NoticeDetails n = SystemActor.call(() -> notices.create(new NewNotice(incident, "Zones " + store,
                new ImpactFilter(EnumSet.of(DataLossStatus.LOST), null, null, null, store, null, null),
                List.of("SMS"), false, "Hi {name}", null, null, false)));
        NoticePreview p = SystemActor.call(() -> notices.preview(n.id()));
        assertThat(p.recipients()).isEqualTo(store == null ? 2 : 1);
        return p.waitingForMorning();
    }
}
