-- The outage timeline: typed, dated entries of an incident, every earlier version of each entry kept.
-- Entries are never deleted: a wrong entry is retracted with a reason and stays visible as retracted.
create sequence timeline_entry_seq start with 1 increment by 50;
create table timeline_entry (
    id                 bigint        not null primary key,
    incident_id        bigint        not null,
    entry_type         varchar(24)   not null,
    occurred_at        timestamp(6) with time zone not null,
    visibility         varchar(8)    not null,
    pinned             boolean       not null,
    body               varchar(10000) not null,
    author             varchar(64)   not null,
    created_at         timestamp(6) with time zone not null,
    edited_at          timestamp(6) with time zone,
    edited_by          varchar(64),
    retracted_at       timestamp(6) with time zone,
    retracted_by       varchar(64),
    retraction_reason  varchar(1000),
    version            integer       not null,
    constraint timeline_entry_incident_fk foreign key (incident_id) references incident (id),
    constraint timeline_entry_type_ck check (entry_type in ('DETECTION', 'INVESTIGATION', 'STATUS_CHANGE',
        'CUSTOMER_NOTICE', 'RETAIL_INSTRUCTION', 'STOP_SALE', 'CREDIT_DECISION', 'DATA_RECOVERY', 'RESOLUTION',
        'NOTE')),
    constraint timeline_entry_visibility_ck check (visibility in ('PUBLIC', 'INTERNAL'))
);
-- the timeline's order: pinned first, newest first
create index timeline_entry_incident_ix on timeline_entry (incident_id, pinned, occurred_at);

-- One row per version of an entry: revision 1 is the entry as created, each edit and the retraction add one.
create sequence timeline_entry_revision_seq start with 1 increment by 50;
create table timeline_entry_revision (
    id            bigint        not null primary key,
    entry_id      bigint        not null,
    revision      integer       not null,
    entry_type    varchar(24)   not null,
    occurred_at   timestamp(6) with time zone not null,
    visibility    varchar(8)    not null,
    pinned        boolean       not null,
    body          varchar(10000) not null,
    changed_at    timestamp(6) with time zone not null,
    changed_by    varchar(64)   not null,
    change_summary varchar(2000) not null,
    constraint timeline_entry_revision_entry_fk foreign key (entry_id) references timeline_entry (id),
    constraint timeline_entry_revision_uk unique (entry_id, revision)
);
