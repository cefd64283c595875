-- Stop-sales (holds), store acknowledgements, reported sales and the violations found among them.
-- Store and SKU are referenced by code (unique in the catalog): tills and CSV files speak in codes.

create sequence sales_hold_seq start with 1 increment by 50;
create table sales_hold (
    id               bigint        not null primary key,
    incident_id      bigint        not null,
    family           varchar(50),
    effective_from   timestamp(6) with time zone not null,
    effective_until  timestamp(6) with time zone,
    ack_deadline     timestamp(6) with time zone not null,
    reason           varchar(1000) not null,
    placed_at        timestamp(6) with time zone not null,
    placed_by        varchar(64)   not null,
    lifted_at        timestamp(6) with time zone,
    lifted_by        varchar(64),
    lift_reason      varchar(1000),
    version          integer       not null,
    constraint sales_hold_incident_fk foreign key (incident_id) references incident (id),
    constraint sales_hold_until_ck check (effective_until is null or effective_until > effective_from)
);
-- the sale-status question starts from holds not lifted, in force at a time
create index sales_hold_live_ix on sales_hold (lifted_at, effective_from, effective_until);
create index sales_hold_incident_ix on sales_hold (incident_id);
create index sales_hold_family_ix on sales_hold (family);

create table sales_hold_sku (
    hold_id   bigint      not null,
    sku_code  varchar(64) not null,
    constraint sales_hold_sku_pk primary key (hold_id, sku_code),
    constraint sales_hold_sku_hold_fk foreign key (hold_id) references sales_hold (id)
);
create index sales_hold_sku_code_ix on sales_hold_sku (sku_code, hold_id);

create table sales_hold_channel (
    hold_id  bigint      not null,
    channel  varchar(16) not null,
    constraint sales_hold_channel_pk primary key (hold_id, channel),
    constraint sales_hold_channel_hold_fk foreign key (hold_id) references sales_hold (id),
    constraint sales_hold_channel_ck check (channel in ('ONLINE', 'RETAIL', 'DEALER'))
);
create index sales_hold_channel_ix on sales_hold_channel (channel, hold_id);

create table sales_hold_region (
    hold_id  bigint      not null,
    region   varchar(64) not null,
    constraint sales_hold_region_pk primary key (hold_id, region),
    constraint sales_hold_region_hold_fk foreign key (hold_id) references sales_hold (id)
);
create index sales_hold_region_ix on sales_hold_region (region, hold_id);

create table sales_hold_store (
    hold_id     bigint      not null,
    store_code  varchar(32) not null,
    constraint sales_hold_store_pk primary key (hold_id, store_code),
    constraint sales_hold_store_hold_fk foreign key (hold_id) references sales_hold (id)
);
create index sales_hold_store_ix on sales_hold_store (store_code, hold_id);

create sequence hold_acknowledgement_seq start with 1 increment by 50;
create table hold_acknowledgement (
    id               bigint      not null primary key,
    hold_id          bigint      not null,
    store_code       varchar(32) not null,
    acknowledged_at  timestamp(6) with time zone not null,
    acknowledged_by  varchar(64) not null,
    constraint hold_acknowledgement_hold_fk foreign key (hold_id) references sales_hold (id),
    constraint hold_acknowledgement_uk unique (hold_id, store_code)
);
create index hold_acknowledgement_store_ix on hold_acknowledgement (store_code);

create sequence sale_seq start with 1 increment by 50;
create table sale (
    id           bigint      not null primary key,
    store_code   varchar(32) not null,
    sku_code     varchar(64) not null,
    quantity     integer     not null,
    sold_at      timestamp(6) with time zone not null,
    reported_at  timestamp(6) with time zone not null,
    reported_by  varchar(64) not null,
    constraint sale_quantity_ck check (quantity > 0)
);
create index sale_store_ix on sale (store_code, sold_at);

create sequence sale_violation_seq start with 1 increment by 50;
create table sale_violation (
    id           bigint        not null primary key,
    sale_id      bigint        not null,
    hold_id      bigint        not null,
    incident_id  bigint        not null,
    store_code   varchar(32)   not null,
    store_name   varchar(200)  not null,
    region       varchar(64)   not null,
    sku_code     varchar(64)   not null,
    quantity     integer       not null,
    sold_at      timestamp(6) with time zone not null,
    hold_reason  varchar(1000) not null,
    constraint sale_violation_sale_fk foreign key (sale_id) references sale (id),
    constraint sale_violation_hold_fk foreign key (hold_id) references sales_hold (id),
    constraint sale_violation_uk unique (sale_id, hold_id)
);
create index sale_violation_incident_ix on sale_violation (incident_id, sold_at);
create index sale_violation_hold_ix on sale_violation (hold_id);
