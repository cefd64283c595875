-- Cancelling a notice skipped every message it still had queued in the request's own transaction: 110.7 s for a
-- notice with 1,000,000 texts queued on H2 (one UPDATE), the manager's screen waiting all that time. Now a cancelled
-- event is held like a paused one (the dispatchers stop claiming it at once) with the reason its queued messages are
-- skipped for; outbox.CancelledEvents skips them a few thousand per transaction in the background, on any node, and
-- deletes the row when none is left queued or sending. A paused event has no reason.
alter table outbox_paused add column skip_reason varchar(64);
