-- Issue 14: the incident team hears from Outage Desk by e-mail (update overdue), so users may have an address.
alter table app_user add column email varchar(254);
-- the message list (GET /api/messages) filters by kind and recipient across every event
create index outbox_message_kind_ix on outbox_message (kind, id);
