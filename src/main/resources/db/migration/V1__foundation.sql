-- Foundation: catalog (stores, SKUs), users, audit trail, sample-data bookkeeping.
-- Written for both H2 (embedded default) and PostgreSQL: plain types, sequences for ids.

create sequence store_seq start with 1 increment by 50;
create table store (
    id          bigint       not null primary key,
    code        varchar(32)  not null,
    name        varchar(200) not null,
    region      varchar(64)  not null,
    city        varchar(100) not null,
    store_type  varchar(16)  not null,
    constraint store_code_uk unique (code),
    constraint store_type_ck check (store_type in ('COMPANY', 'DEALER'))
);
create index store_region_ix on store (region);

create sequence sku_seq start with 1 increment by 50;
create table sku (
    id      bigint       not null primary key,
    code    varchar(64)  not null,
    model   varchar(100) not null,
    colour  varchar(50)  not null,
    family  varchar(50)  not null,
    constraint sku_code_uk unique (code)
);
create index sku_family_ix on sku (family);

create sequence app_user_seq start with 1 increment by 50;
create table app_user (
    id             bigint       not null primary key,
    username       varchar(64)  not null,
    display_name   varchar(200) not null,
    password_hash  varchar(100) not null,
    role           varchar(32)  not null,
    store_id       bigint,
    enabled        boolean      not null,
    created_at     timestamp(6) with time zone not null,
    version        integer      not null,
    constraint app_user_username_uk unique (username),
    constraint app_user_store_fk foreign key (store_id) references store (id),
    constraint app_user_role_ck check (role in ('AGENT', 'STORE_MANAGER', 'EXECUTIVE', 'INCIDENT_MANAGER', 'POS')),
    -- a store manager is bound to exactly one store; nobody else is bound to a store
    constraint app_user_store_ck check ((role = 'STORE_MANAGER' and store_id is not null)
                                     or (role <> 'STORE_MANAGER' and store_id is null))
);

create sequence audit_entry_seq start with 1 increment by 50;
create table audit_entry (
    id           bigint        not null primary key,
    occurred_at  timestamp(6) with time zone not null,
    actor        varchar(64)   not null,
    action       varchar(64)   not null,
    entity_type  varchar(64)   not null,
    entity_id    varchar(64),
    summary      varchar(4000) not null
);
create index audit_entry_occurred_ix on audit_entry (occurred_at);
create index audit_entry_actor_ix on audit_entry (actor, occurred_at);
create index audit_entry_entity_ix on audit_entry (entity_type, entity_id);

create table sample_data_step (
    name       varchar(100) not null primary key,
    loaded_at  timestamp(6) with time zone not null
);
