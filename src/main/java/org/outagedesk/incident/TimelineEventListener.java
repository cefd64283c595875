package org.outagedesk.incident;

import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Puts other features' response actions on the timeline. Synchronous on purpose: the entry is written in the
 * publisher's transaction, so a hold and its timeline entry are committed or rolled back together, and a bad event
 * (unknown incident, empty text) fails the publisher's action instead of being lost.
 */
@Component
class TimelineEventListener {

    private final TimelineService timeline;

    TimelineEventListener(TimelineService timeline) {
        this.timeline = timeline;
    }

    @EventListener
    void on(ResponseActionTaken event) {
        if (event.type() == TimelineEntryType.STATUS_CHANGE) {
            throw new IllegalArgumentException("STATUS_CHANGE entries are written by the incident's status changes");
        }
        timeline.append(event.incidentId(), new TimelineEntryDraft(event.type(), event.occurredAt(),
                event.visibility(), false, event.text()), event.actor());
    }
}
