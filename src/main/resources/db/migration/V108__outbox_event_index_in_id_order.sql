-- A notice's messages listed a page at a time (GET /api/notices/{id}/messages) and exported as its delivery report
-- come in the order of this index: by status, then as they were queued. The index had (event_key, status); its
-- entries were already in id order within a status (the row key), but an ORDER BY m.id could not use that: H2 read
-- and sorted every message of the notice first (8.2 s for the first page of a notice to a million, 0.9 s for its
-- failed ones; now 39 ms, and 831 ms for rows 900,000+50), PostgreSQL walked the primary key or sorted, depending
-- on the notice's share of the table. Naming id makes the order one that both read from the index (the queries
-- order by event_key, status, id). The entries are the same: H2 stored the id in them already, PostgreSQL stores it
-- now. The counts by status read the same index as before.
drop index outbox_message_event_ix;
create index outbox_message_event_ix on outbox_message (event_key, status, id);
