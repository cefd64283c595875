package org.outagedesk.incident;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import org.outagedesk.sampledata.SampleDataStep;
import org.outagedesk.sampledata.SampleFiles;
import org.springframework.stereotype.Component;

/**
 * The October 2009 timeline of the sample incident, in Pacific time, through the same service methods people use:
 * entries, status changes (which write their own entries) and lifecycle times. It ends in MONITORING (most data
 * was being recovered), so the public advisory has an open incident to show.
 */
@Component
class TimelineSampleData implements SampleDataStep {

    private static final ZoneId PACIFIC = IncidentSampleData.PACIFIC;

    /** The guidance customers must hear first; pinned, so the advisory shows it as "what you should do". */
    static final String GUIDANCE = """
            What you should do now: do not reset your Sidekick, do not remove its battery and do not let it run \
            flat. Keep it switched on and charged. The contacts, photos and messages on your device may be the \
            only copy left. For help, visit our support forums.""";

    private final IncidentService incidents;
    private final TimelineService timeline;

    TimelineSampleData(IncidentService incidents, TimelineService timeline) {
        this.incidents = incidents;
        this.timeline = timeline;
    }

    @Override
    public String name() {
        return "incident-2009-timeline";
    }

    @Override
    public int order() {
        return 310;
    }

    @Override
    public void load(SampleFiles files) {
        long id = incidents.findAll().stream().filter(i -> IncidentSampleData.TITLE.equals(i.getTitle()))
                .findFirst().orElseThrow(() -> new IllegalStateException("The 2009 sample incident is missing"))
                .getId();

        add(id, TimelineEntryType.DETECTION, at(10, 2, 9, 15), Visibility.INTERNAL, false, """
                Customer care reports a fast-rising number of Sidekick subscribers who cannot connect to the data \
                service: sync, e-mail and web fail. Voice calls and SMS keep working.""");
        add(id, TimelineEntryType.CUSTOMER_NOTICE, at(10, 2, 16, 0), Visibility.PUBLIC, false, """
                Some Sidekick customers cannot use data services (e-mail, web, sync). Voice calls and text \
                messages are not affected. We are working with our partner to restore the service.""");
        add(id, TimelineEntryType.INVESTIGATION, at(10, 5, 11, 0), Visibility.INTERNAL, false, """
                The server operator reports that a server failure hit both the main and the backup databases that \
                hold subscribers' contacts, photos, e-mail, text messages, calendars and to-do lists.""");
        incidents.changeStatus(id, IncidentStatus.IDENTIFIED, "Server failure at the operator: main and backup "
                + "databases affected", at(10, 5, 11, 30));
        add(id, TimelineEntryType.CUSTOMER_NOTICE, at(10, 10, 10, 0), Visibility.PUBLIC, false, """
                Data that is not currently on your Sidekick (contacts, photos, e-mail, text messages, calendar \
                entries, to-do lists) has almost certainly been lost because of a server failure. We are sorry.""");
        add(id, TimelineEntryType.CUSTOMER_NOTICE, at(10, 10, 10, 30), Visibility.PUBLIC, true, GUIDANCE);
        add(id, TimelineEntryType.RETAIL_INSTRUCTION, at(10, 10, 14, 0), Visibility.INTERNAL, true, """
                To all retail sales managers. Sidekick data that is not on the device is likely lost: pictures, \
                contacts, e-mails, text messages, calendar entries and to-do lists. Warn every Sidekick customer: \
                do NOT reset the device, do NOT remove the battery, do NOT let the battery run flat; the data on \
                the device may be the only copy left. Send customers to the support forums for updates.""");
        add(id, TimelineEntryType.STOP_SALE, at(10, 11, 9, 0), Visibility.INTERNAL, false, """
                Every Sidekick model shows "temporarily out of stock" on the web store.""");
        add(id, TimelineEntryType.STOP_SALE, at(10, 12, 12, 30), Visibility.PUBLIC, false, """
                Sidekick sales are on hold in our stores and online until the service is stable again.""");
        add(id, TimelineEntryType.NOTE, at(10, 12, 14, 0), Visibility.INTERNAL, false, """
                Some third-party retail locations in New York (Upper West Side) are still selling the Sidekick, \
                with a warning that web and e-mail may not work. Dealer channel to follow up.""");
        add(id, TimelineEntryType.CREDIT_DECISION, at(10, 13, 9, 0), Visibility.PUBLIC, false, """
                Affected Sidekick customers with a data plan receive one month of data service as a credit \
                (about $20). More help for customers who lost data permanently is being considered.""");
        add(id, TimelineEntryType.DATA_RECOVERY, at(10, 15, 9, 0), Visibility.PUBLIC, false, """
                Most lost data has been recovered and will be restored to devices in phases, starting with \
                contacts. Keep your device switched on.""");
        incidents.changeStatus(id, IncidentStatus.MONITORING, "Recovery under way; restoring contacts first",
                at(10, 15, 9, 30));
        add(id, TimelineEntryType.CREDIT_DECISION, at(10, 20, 10, 0), Visibility.INTERNAL, false, """
                Approved in principle: about $100 extra for subscribers with significant, permanent data loss; \
                some may be let out of their contracts or offered discounts on other phones.""");

        Incident incident = incidents.get(id);
        incidents.recordLifecycle(id, new LifecycleTimes(at(10, 2, 9, 15), at(10, 2, 10, 0),
                incident.getMitigatedAt(), null));
    }

    private void add(long incidentId, TimelineEntryType type, Instant when, Visibility visibility, boolean pinned,
            String text) {
        timeline.add(incidentId, new TimelineEntryDraft(type, when, visibility, pinned, text));
    }

    private static Instant at(int month, int day, int hour, int minute) {
        return LocalDateTime.of(2009, month, day, hour, minute).atZone(PACIFIC).toInstant();
    }
}
