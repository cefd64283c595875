-- A notice's figures and its messages read from one index: (event_key, status, channel, id).
-- 1. Pages (GET /api/notices/{id}/messages) and the delivery report come in this index's order: by status, then
--    channel, then as queued. The index had (event_key, status); its entries were in id order within a status (the
--    row key), but an ORDER BY m.id could not use that: H2 read and sorted every message of the notice first (8.2 s
--    for the first page of a notice to a million, 0.9 s for its failed ones; now 3 to 27 ms, about 1 s at row
--    900,000), PostgreSQL walked the primary key or sorted, depending on the notice's share of the table.
-- 2. The counts by channel and status (the notice's screen and API, every two seconds while it is open) read the
--    channel from the row: 3.3 s at a million messages on H2. From the index alone they take 0.5 to 1 s, and give
--    the counts by status too.
-- The entries grow by the channel only: H2 stored the id in them already, PostgreSQL stores it now.
drop index outbox_message_event_ix;
create index outbox_message_event_ix on outbox_message (event_key, status, channel, id);
