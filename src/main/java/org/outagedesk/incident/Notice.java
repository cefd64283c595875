package org.outagedesk.incident;

import java.time.Instant;

/**
 * A timeline entry as shown outside the console (the public advisory, the store screen): only what may be shown
 * there, never its author or history.
 */
public record Notice(long entryId, TimelineEntryType type, Instant occurredAt, Visibility visibility, boolean pinned,
        String text) {

    static Notice of(TimelineEntry e) {
        return new Notice(e.getId(), e.getType(), e.getOccurredAt(), e.getVisibility(), e.isPinned(), e.getText());
    }
}
