package org.outagedesk.outbox;

import java.time.Instant;
import org.jspecify.annotations.Nullable;

/**
 * A channel as the dispatchers last saw it. {@code up} false: messages stay queued and sending resumes by itself when
 * the SMSC or the relay answers again.
 */
public record ChannelHealth(Channel channel, boolean up, @Nullable Instant downSince, @Nullable String lastError,
        Instant checkedAt) {

    /** "SMSC unreachable since 2009-10-14 10:02 PDT" style text is made by the screens; this is the plain fact. */
    public String describe() {
        String what = channel == Channel.SMS ? "SMSC" : "Mail relay";
        return up ? what + " reachable" : what + " unreachable since " + downSince;
    }
}
