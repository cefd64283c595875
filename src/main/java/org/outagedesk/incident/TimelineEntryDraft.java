package org.outagedesk.incident;

import java.time.Instant;

/**
 * The content of a timeline entry as a person enters it (for a new entry or an edit). The service checks it and
 * names the field at fault: text required and at most 10,000 characters, time at most a day in the future.
 */
public record TimelineEntryDraft(TimelineEntryType type, Instant occurredAt, Visibility visibility, boolean pinned,
        String text) {
}
