-- Affected subscribers: who they are, how an incident hurt each of them (data-loss status per category), every
-- status change, and the calls agents logged. Sized for 1,000,000 impacts in one incident.
-- SKU and store are kept by their (unique) codes, as the import files name them; the region is copied from the
-- home store at import so that the grid filters on it without a join.

create sequence subscriber_seq start with 1 increment by 50;
create table subscriber (
    id              bigint        not null primary key,
    msisdn          varchar(16)   not null,
    account_number  varchar(32)   not null,
    name            varchar(200)  not null,
    sku_code        varchar(64)   not null,
    store_code      varchar(32)   not null,
    region          varchar(64)   not null,
    data_plan       boolean       not null,
    last_sync_at    timestamp(6) with time zone,
    version         integer       not null,
    constraint subscriber_msisdn_uk unique (msisdn),
    constraint subscriber_sku_fk foreign key (sku_code) references sku (code),
    constraint subscriber_store_fk foreign key (store_code) references store (code)
);
create index subscriber_account_ix on subscriber (account_number);
create index subscriber_sku_ix on subscriber (sku_code);
create index subscriber_store_ix on subscriber (store_code);
create index subscriber_region_ix on subscriber (region);
create index subscriber_name_ix on subscriber (name);

create sequence impact_seq start with 1 increment by 50;
create table impact (
    id                 bigint        not null primary key,
    incident_id        bigint        not null,
    subscriber_id      bigint        not null,
    status             varchar(16)   not null,
    cat_contacts       boolean       not null,
    cat_photos         boolean       not null,
    cat_email          boolean       not null,
    cat_sms            boolean       not null,
    cat_calendar       boolean       not null,
    cat_todo           boolean       not null,
    last_contacted_at  timestamp(6) with time zone,
    notes              varchar(4000),
    updated_at         timestamp(6) with time zone not null,
    version            integer       not null,
    constraint impact_incident_subscriber_uk unique (incident_id, subscriber_id),
    constraint impact_incident_fk foreign key (incident_id) references incident (id),
    constraint impact_subscriber_fk foreign key (subscriber_id) references subscriber (id),
    constraint impact_status_ck check (status in ('UNKNOWN', 'DEVICE_ONLY', 'LOST', 'RECOVERED', 'NOT_AFFECTED'))
);
create index impact_incident_status_ix on impact (incident_id, status);
create index impact_incident_contacted_ix on impact (incident_id, last_contacted_at);
create index impact_subscriber_ix on impact (subscriber_id);

create sequence impact_status_change_seq start with 1 increment by 50;
create table impact_status_change (
    id           bigint        not null primary key,
    impact_id    bigint        not null,
    changed_at   timestamp(6) with time zone not null,
    changed_by   varchar(64)   not null,
    from_status  varchar(16),
    to_status    varchar(16)   not null,
    reason       varchar(1000) not null,
    constraint impact_status_change_impact_fk foreign key (impact_id) references impact (id)
);
create index impact_status_change_impact_ix on impact_status_change (impact_id, changed_at);
create index impact_status_change_at_ix on impact_status_change (changed_at);

create sequence contact_log_entry_seq start with 1 increment by 50;
create table contact_log_entry (
    id            bigint        not null primary key,
    impact_id     bigint        not null,
    contacted_at  timestamp(6) with time zone not null,
    agent         varchar(64)   not null,
    note          varchar(2000) not null,
    constraint contact_log_entry_impact_fk foreign key (impact_id) references impact (id)
);
create index contact_log_entry_impact_ix on contact_log_entry (impact_id, contacted_at);

-- Rows of an import being checked: written in batches while the file streams in, then merged into subscriber and
-- impact by a few set-based statements in one transaction, and deleted. Nothing here is ever shown to users.
create table impact_import_row (
    import_id       varchar(36)   not null,
    line            bigint        not null,
    msisdn          varchar(16)   not null,
    account_number  varchar(32)   not null,
    name            varchar(200)  not null,
    sku_code        varchar(64)   not null,
    store_code      varchar(32)   not null,
    region          varchar(64)   not null,
    data_plan       boolean       not null,
    last_sync_at    timestamp(6) with time zone,
    status          varchar(16)   not null,
    cat_contacts    boolean       not null,
    cat_photos      boolean       not null,
    cat_email       boolean       not null,
    cat_sms         boolean       not null,
    cat_calendar    boolean       not null,
    cat_todo        boolean       not null,
    constraint impact_import_row_pk primary key (import_id, line)
);
create index impact_import_row_msisdn_ix on impact_import_row (import_id, msisdn, line);
