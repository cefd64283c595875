-- The subscriber list at a million impacts (issue 9's benchmark): filtering by region and sorting by name joined
-- every impact of the incident to its subscriber before it could sort, about 48 s for a page sorted by name on H2.
-- The columns the list filters and sorts on, and the dashboard groups by, are copied from the subscriber onto the
-- impact (the import keeps them equal, in every incident of the subscriber), so that an index of the incident
-- returns a page in order and the database only fetches its 50 subscribers.
alter table impact add column name varchar(200);
alter table impact add column region varchar(64);
alter table impact add column sku_code varchar(64);
alter table impact add column store_code varchar(32);
update impact i set (name, region, sku_code, store_code) =
    (select s.name, s.region, s.sku_code, s.store_code from subscriber s where s.id = i.subscriber_id);
alter table impact alter column name set not null;
alter table impact alter column region set not null;
alter table impact alter column sku_code set not null;
alter table impact alter column store_code set not null;

-- a status and a region, sorted by name (what an agent narrows the list to); any filter sorted by name
create index impact_status_region_name_ix on impact (incident_id, status, region, name, subscriber_id);
create index impact_incident_name_ix on impact (incident_id, name, subscriber_id);
create index impact_incident_region_ix on impact (incident_id, region, status);
create index impact_incident_sku_ix on impact (incident_id, sku_code);
-- what the copies make useless costs every import: (incident_id, status) is the start of the first index above,
-- and nothing looks subscribers up by region or name any more
drop index impact_incident_status_ix;
drop index subscriber_region_ix;
drop index subscriber_name_ix;

-- the dashboard's status over time read the whole history joined to impacts (10 s at a million): the history
-- carries its incident
alter table impact_status_change add column incident_id bigint;
update impact_status_change c set incident_id = (select i.incident_id from impact i where i.id = c.impact_id);
alter table impact_status_change alter column incident_id set not null;
create index impact_status_change_incident_ix on impact_status_change (incident_id, changed_at);
-- read by nothing: the history is read per impact (impact_id, changed_at) or per incident (above)
drop index impact_status_change_at_ix;

-- imports now stage into a table of their own (see ImpactImporter)
drop table impact_import_row;
