package org.outagedesk.incident;

import org.jspecify.annotations.Nullable;

/** Which entries of a timeline to list; null means any. */
public record TimelineFilter(@Nullable TimelineEntryType type, @Nullable Visibility visibility) {

    public static final TimelineFilter ALL = new TimelineFilter(null, null);
}
