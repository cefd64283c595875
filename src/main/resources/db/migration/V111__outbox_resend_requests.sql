-- "Resend the failed ones" queued every failed message of the event again in the request's own transaction: 31.4 s
-- for the 50,000 failed texts of a notice to 1,000,000 on H2 (one UPDATE; the production jar), the manager's screen
-- or API client waiting all that time. Now the request only writes this row; outbox.ResentEvents queues the messages
-- that had failed by then (done_at at or before requested_at: one that fails again meanwhile is not sent a third
-- time) a few thousand per transaction in the background, on any node, and deletes the row when none is left. While
-- the row is there the event is not finished (a notice is not completed).
create table outbox_resend (
    event_key         varchar(120) not null primary key,
    requested_at      timestamp(6) with time zone not null,
    include_in_doubt  boolean not null
);
