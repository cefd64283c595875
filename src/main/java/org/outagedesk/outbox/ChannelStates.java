package org.outagedesk.outbox;

import static org.outagedesk.outbox.OutboxStore.cut;
import static org.outagedesk.outbox.OutboxStore.instant;
import static org.outagedesk.outbox.OutboxStore.utc;

import java.time.Instant;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Whether each channel's far end (the SMSC, the mail relay) answers, as the dispatchers of every node last found it:
 * one row per channel, so that every node and the screen say the same ("SMSC unreachable since ..."). Runs in the
 * caller's transaction.
 */
@Component
class ChannelStates {

    private final JdbcTemplate jdbc;

    ChannelStates(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    void record(Channel channel, boolean up, @Nullable String error, Instant now) {
        int n = up
                ? jdbc.update("update outbox_channel_state set up = true, down_since = null, last_error = null,"
                        + " checked_at = ? where channel = ?", utc(now), channel.name())
                : jdbc.update("update outbox_channel_state set down_since = case when up then ? else down_since end,"
                        + " up = false, last_error = ?, checked_at = ? where channel = ?", utc(now), cut(error, 500),
                        utc(now), channel.name());
        if (n == 0) {
            jdbc.update("insert into outbox_channel_state (channel, up, down_since, last_error, checked_at)"
                    + " values (?, ?, ?, ?, ?)", channel.name(), up, up ? null : utc(now),
                    up ? null : cut(error, 500), utc(now));
        }
    }

    List<ChannelHealth> all() {
        return jdbc.query("select channel, up, down_since, last_error, checked_at from outbox_channel_state"
                + " order by channel", (rs, n) -> new ChannelHealth(Channel.valueOf(rs.getString(1)),
                        rs.getBoolean(2), instant(rs, 3), rs.getString(4), instant(rs, 5)));
    }
}
