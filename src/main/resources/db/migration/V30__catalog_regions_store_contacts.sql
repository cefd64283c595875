-- Issue 19: the catalog is managed in the console and the API, not only loaded from the demo's files.
-- Regions become rows (a zone and an escalation contact for the store e-mails of issue 14); stores reference them
-- by name, which is the region's code and never changes once in use (holds, campaigns and impacts name regions).
-- Stores gain an e-mail, an IANA zone and a closing (kept with their history, never deleted).
-- Written for H2 and PostgreSQL alike.

create sequence region_seq start with 1 increment by 50;
create table region (
    id                bigint       not null primary key,
    name              varchar(64)  not null,
    time_zone         varchar(64)  not null,
    escalation_name   varchar(200),
    escalation_email  varchar(254),
    version           integer      not null,
    constraint region_name_uk unique (name),
    constraint region_escalation_ck check ((escalation_name is null and escalation_email is null)
                                         or (escalation_name is not null and escalation_email is not null))
);

-- regions that stores name already (a database loaded before this version): their zone is unknown, UTC until an
-- incident manager sets it (the demo re-imports its regions.csv)
insert into region (id, name, time_zone, version)
select row_number() over (order by region), region, 'UTC', 0 from (select distinct region from store) r;
-- the sequence starts past the ids just given (at most a few hundred regions)
alter sequence region_seq restart with 1000;

alter table store add column email varchar(254);
alter table store add column time_zone varchar(64);
update store set time_zone = 'UTC';
alter table store alter column time_zone set not null;
alter table store add column closed_at timestamp(6) with time zone;
alter table store add column closed_by varchar(64);
alter table store add column version integer default 0 not null;
alter table store add constraint store_region_fk foreign key (region) references region (name);
create index store_closed_ix on store (closed_at);

alter table sku add column version integer default 0 not null;
