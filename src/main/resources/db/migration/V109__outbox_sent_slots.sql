-- The send rate a notice shows (messages/s over the last minute, on its screen and in GET /api/notices/{id}) counted
-- the messages of the notice sent since a minute ago: every message's row read, 2.8 s at a million messages on H2,
-- every two seconds while the screen is open. Now each node's dispatcher adds what the SMSC or the relay took, per
-- event, to a 5-second slot when it records the results (in a transaction of its own: a rate that could not be
-- written holds no message back), and the rate sums at most twelve rows. Slots older than ten minutes are deleted.
create table outbox_sent_slot (
    event_key   varchar(120) not null,
    slot_start  timestamp(6) with time zone not null,
    sent        bigint not null,
    constraint outbox_sent_slot_pk primary key (event_key, slot_start)
);
