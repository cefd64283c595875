-- Several nodes (decision 0021): an approved notice's queueing (its subscribers put into the outbox batch by batch)
-- is held by one node at a time under a lease, like a campaign's job (V104). Empty when no node holds it.
alter table customer_notice add column job_owner varchar(128);
alter table customer_notice add column job_lease_until timestamp(6) with time zone;
