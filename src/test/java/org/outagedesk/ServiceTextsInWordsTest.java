package org.outagedesk;

import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import java.io.ByteArrayInputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.outagedesk.audit.AuditEntry;
import org.outagedesk.audit.AuditFilter;
import org.outagedesk.audit.AuditService;
import org.outagedesk.base.SystemActor;
import org.outagedesk.catalog.CatalogService;
import org.outagedesk.catalog.SkuDetails;
import org.outagedesk.credits.CampaignDetails;
import org.outagedesk.credits.CampaignService;
import org.outagedesk.credits.CampaignStatus;
import org.outagedesk.credits.NewCampaign;
import org.outagedesk.credits.TierRules;
import org.outagedesk.holds.HoldService;
import org.outagedesk.holds.HoldSummary;
import org.outagedesk.holds.NewHold;
import org.outagedesk.holds.SalesChannel;
import org.outagedesk.impact.DataCategory;
import org.outagedesk.impact.DataLossStatus;
import org.outagedesk.impact.ImpactFilter;
import org.outagedesk.impact.ImpactService;
import org.outagedesk.impact.ImportMode;
import org.outagedesk.incident.IncidentService;
import org.outagedesk.incident.IncidentStatus;
import org.outagedesk.incident.NewIncident;
import org.outagedesk.incident.Severity;
import org.outagedesk.incident.TimelineEntry;
import org.outagedesk.incident.TimelineEntryDraft;
import org.outagedesk.incident.TimelineEntryRevision;
import org.outagedesk.incident.TimelineEntryType;
import org.outagedesk.incident.TimelineFilter;
import org.outagedesk.incident.TimelineService;
import org.outagedesk.incident.Visibility;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.domain.Pageable;

/**
 * What the services write for people to read (timeline entries, their edit history, the audit trail) names statuses,
 * types, severities and channels in words: no enum constant of the application reaches a person through them.
 */
@IntegrationTest
class ServiceTextsInWordsTest {

    /** Every constant of every enum in the application, as a whole word in upper case. */
    private static final Pattern ANY_CODE = Pattern.compile("(?<![\\w-])(" + new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS).importPackages("org.outagedesk").stream()
            .filter(JavaClass::isEnum).flatMap(c -> c.getEnumConstants().stream()).map(c -> c.name())
            .filter(n -> n.length() > 2).distinct().sorted().collect(Collectors.joining("|")) + ")(?![\\w-])");

    @Autowired
    IncidentService incidents;
    @Autowired
    TimelineService timeline;
    @Autowired
    ImpactService impacts;
    @Autowired
    HoldService holds;
    @Autowired
    CampaignService campaigns;
    @Autowired
    CatalogService catalog;
    @Autowired
    AuditService audit;

    @Test
    void status_changes_holds_campaigns_bulk_changes_and_edits_are_written_in_words() {
        String unique = UUID.randomUUID().toString().substring(0, 8);
        String manager = "words-" + unique;
        String approver = "approver-" + unique;
        long incident = SystemActor.callAs(manager, () -> incidents.create(new NewIncident("Words test " + unique,
                "test", Severity.SEV2, List.of("test"), "America/Los_Angeles",
                Instant.parse("2001-01-01T00:00:00Z")))).getId();
        List<String> subscribers = importSubscribers(manager, incident);

        SystemActor.callAs(manager, () -> {
            incidents.changeStatus(incident, IncidentStatus.IDENTIFIED, "cause found", null);
            incidents.changeStatus(incident, IncidentStatus.RESOLVED, null, null);
            incidents.changeStatus(incident, IncidentStatus.INVESTIGATING, "came back", null);
            TimelineEntry note = timeline.add(incident, new TimelineEntryDraft(TimelineEntryType.NOTE,
                    Instant.parse("2001-01-02T00:00:00Z"), Visibility.INTERNAL, false, "first wording"));
            timeline.edit(note.getId(), note.getVersion(), new TimelineEntryDraft(TimelineEntryType.CUSTOMER_NOTICE,
                    Instant.parse("2001-01-03T00:00:00Z"), Visibility.PUBLIC, true, "second wording"));

            impacts.changeStatus(incident, subscribers.getFirst(), DataLossStatus.DEVICE_ONLY,
                    EnumSet.of(DataCategory.PHOTOS, DataCategory.CONTACTS), "checked with the caller");

            String sku = "WORDS-" + unique.toUpperCase(Locale.ROOT);
            catalog.addSku(new SkuDetails(sku, "myTouch 3G", "Words Grey", "MYTOUCH"));
            HoldSummary hold = holds.place(new NewHold(incident, List.of(sku), null,
                    List.of(SalesChannel.DEALER, SalesChannel.RETAIL), null, List.of("D-OK-OKL-01"), null, null, null,
                    "words test"));
            holds.lift(hold.id(), "words test over");

            CampaignDetails rejected = campaigns.create(campaign(incident, "Rejected " + unique));
            campaigns.submit(rejected.id());
            return null;
        });
        CampaignDetails run = SystemActor.callAs(manager, () -> {
            CampaignDetails c = campaigns.create(campaign(incident, "Run " + unique));
            return campaigns.submit(c.id());
        });
        SystemActor.callAs(approver, () -> {
            campaigns.reject(campaigns.ofIncident(incident).stream()
                    .filter(c -> c.name().startsWith("Rejected")).findFirst().orElseThrow().id(), "too generous");
            return campaigns.approve(run.id());
        });
        waitUntilFinished(run.id());
        SystemActor.callAs(manager, () -> campaigns.topUp(run.id(), 1, new BigDecimal("25.00")));
        waitUntilFinished(run.id());
        SystemActor.callAs(manager, () -> {
            ImpactFilter lost = ImpactFilter.all().withStatuses(EnumSet.of(DataLossStatus.LOST));
            long count = impacts.previewBulkChange(incident, lost, DataLossStatus.RECOVERED);
            return impacts.bulkChangeStatus(incident, lost, DataLossStatus.RECOVERED, "restored from backup", count);
        });

        List<String> texts = new ArrayList<>();
        SystemActor.callAs(manager, () -> {
            for (TimelineEntry e : timeline.find(incident, TimelineFilter.ALL, Pageable.ofSize(500))) {
                texts.add(e.getText());
                timeline.history(e.getId()).stream().map(TimelineEntryRevision::getChange).forEach(texts::add);
            }
            return null;
        });
        for (String actor : List.of(manager, approver)) {
            SystemActor.callAs(manager, () -> audit.find(new AuditFilter(actor, null, null, null, null, null, null),
                    Pageable.ofSize(500))).map(AuditEntry::getSummary).forEach(texts::add);
        }
        SystemActor.callAs(manager, () -> audit.find(new AuditFilter(null, null, "Campaign",
                String.valueOf(run.id()), null, null, null), Pageable.ofSize(50))).map(AuditEntry::getSummary)
                .forEach(texts::add);

        // every kind of text was written, so the check below looked at each
        assertThat(texts).anyMatch(t -> t.startsWith("Status Investigating → Cause identified. cause found"))
                .anyMatch(t -> t.startsWith("Reopened: Resolved → Investigating"))
                .anyMatch(t -> t.contains("type Note → Notice to customers"))
                .anyMatch(t -> t.startsWith("Data-loss status of 2 subscribers set to Recovered"))
                .anyMatch(t -> t.startsWith("Stop-sale placed") && t.contains("1 store"))
                .anyMatch(t -> t.startsWith("Stop-sale lifted"))
                .anyMatch(t -> t.contains("approved by " + approver) && t.contains("$20.00 (Goodwill)")
                        && t.contains("status Lost"))
                .anyMatch(t -> t.contains("rejected by " + approver))
                .anyMatch(t -> t.contains("' completed: 2 tier credits, $40.00 credited."))
                .anyMatch(t -> t.contains("topped up from $20.00 to $25.00"))
                .anyMatch(t -> t.contains("(Severity 2 (major))"))
                .anyMatch(t -> t.contains("Only on device") && t.contains("Contacts, Photos"))
                .anyMatch(t -> t.contains("(all or nothing)"))
                .anyMatch(t -> t.contains("family Mytouch"));
        assertThat(texts).allSatisfy(t -> assertThat(ANY_CODE.matcher(t).results().map(m -> m.group(1)).toList())
                .as("codes in: " + t).isEmpty());
    }

    private static NewCampaign campaign(long incident, String name) {
        return new NewCampaign(incident, name, List.of(new NewCampaign.Tier("Lost photos",
                new TierRules(EnumSet.of(DataLossStatus.LOST), null, null, null, null), "GOODWILL",
                new BigDecimal("20.00"))));
    }

    /** Three subscribers of the incident: one unknown, two lost. */
    private List<String> importSubscribers(String manager, long incident) {
        List<String> numbers = new ArrayList<>();
        StringBuilder csv = new StringBuilder("msisdn,account,name,sku,store,data_plan,status,categories,last_sync\n");
        long base = ThreadLocalRandom.current().nextLong(100_000_000L, 999_000_000L);
        for (int i = 0; i < 3; i++) {
            String msisdn = "+17" + (base + i);
            numbers.add(msisdn);
            csv.append(msisdn).append(",ACC-W").append(base + i).append(",Words Person ").append(i)
                    .append(",SK-LX09-CARBLA,D-NY-UWS-01,true,").append(i == 0 ? "UNKNOWN" : "LOST")
                    .append(",PHOTOS,2009-10-01T14:22:05-07:00\n");
        }
        byte[] bytes = csv.toString().getBytes(StandardCharsets.UTF_8);
        SystemActor.callAs(manager, () -> impacts.importCsv(incident, new ByteArrayInputStream(bytes), bytes.length,
                "words-test.csv", ImportMode.ALL_OR_NOTHING));
        return numbers;
    }

    private void waitUntilFinished(long id) {
        Instant deadline = Instant.now().plus(Duration.ofSeconds(60));
        CampaignDetails c = SystemActor.call(() -> campaigns.get(id));
        while (c.status() != CampaignStatus.COMPLETED && Instant.now().isBefore(deadline)) {
            Thread.onSpinWait();
            c = SystemActor.call(() -> campaigns.get(id));
        }
        assertThat(c.status()).isEqualTo(CampaignStatus.COMPLETED);
    }
}
