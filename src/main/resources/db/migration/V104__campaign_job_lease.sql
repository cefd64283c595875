-- Several nodes share one database (issue 17): a campaign's background job (run, top-up, reversal) is held by one
-- node at a time through a lease. The holder renews it with each batch; when it lapses (the node died), another
-- node takes the job over from its last committed batch. Both columns are empty when no node holds the job.
alter table campaign add column job_owner varchar(128);
alter table campaign add column job_lease_until timestamp(6) with time zone;
