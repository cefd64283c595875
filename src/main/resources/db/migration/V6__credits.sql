-- Compensation credits: reason codes (data, not code), single credits and campaign credits in one ledger, the
-- idempotency keys of credit requests, and campaigns with their tiers.
-- A credit is never deleted or edited in amount: a reversal is a new entry with the negative amount that points at
-- the credit it reverses, so totals can show both. Amounts are numeric(19,2) with a currency, never floating point.

create table credit_reason (
    code         varchar(32)   not null primary key,
    label        varchar(200)  not null,
    allows_zero  boolean       not null,
    active       boolean       not null,
    sort_order   integer       not null
);
insert into credit_reason (code, label, allows_zero, active, sort_order) values
    ('DATA_SERVICE_MONTH', 'One month of data service', false, true, 10),
    ('PERMANENT_LOSS', 'Significant, permanent loss of data', false, true, 20),
    ('GOODWILL', 'Goodwill', false, true, 30),
    ('DEVICE_DISCOUNT', 'Discount on another device', false, true, 40),
    ('CONTRACT_RELEASE', 'Released from contract (may be $0)', true, true, 50);

create sequence campaign_seq start with 1 increment by 50;
create table campaign (
    id               bigint        not null primary key,
    incident_id      bigint        not null,
    name             varchar(200)  not null,
    status           varchar(16)   not null,
    created_by       varchar(64)   not null,
    created_at       timestamp(6) with time zone not null,
    submitted_at     timestamp(6) with time zone,
    approved_by      varchar(64),
    approved_at      timestamp(6) with time zone,
    completed_at     timestamp(6) with time zone,
    reversed_by      varchar(64),
    reverse_reason   varchar(1000),
    -- the background job (RUN, TOP_UP, REVERSE) and how far it got: impacts are walked in id order and the cursor is
    -- the last impact id whose batch committed, so a restart continues from there
    job              varchar(16),
    job_tier         integer,
    job_round        integer,
    job_cursor       bigint,
    job_processed    bigint        not null,
    job_total        bigint        not null,
    job_started_at   timestamp(6) with time zone,
    job_error        varchar(2000),
    version          integer       not null,
    constraint campaign_incident_fk foreign key (incident_id) references incident (id),
    constraint campaign_status_ck check (status in
        ('DRAFT', 'SUBMITTED', 'APPROVED', 'RUNNING', 'COMPLETED', 'REVERSING', 'REVERSED', 'REJECTED'))
);
create index campaign_incident_ix on campaign (incident_id);

create sequence campaign_tier_seq start with 1 increment by 50;
create table campaign_tier (
    id           bigint         not null primary key,
    campaign_id  bigint         not null,
    tier_no      integer        not null,
    name         varchar(200)   not null,
    reason_code  varchar(32)    not null,
    amount       numeric(19,2)  not null,
    currency     varchar(3)     not null,
    -- eligibility rules over impacts; null = the rule is absent and matches all
    statuses     varchar(200),
    categories   varchar(200),
    data_plan    boolean,
    skus         varchar(4000),
    regions      varchar(4000),
    top_ups      integer        not null,
    constraint campaign_tier_campaign_fk foreign key (campaign_id) references campaign (id),
    constraint campaign_tier_reason_fk foreign key (reason_code) references credit_reason (code),
    constraint campaign_tier_no_uk unique (campaign_id, tier_no)
);

-- Campaigns walk an incident's impacts in id order, a batch at a time (id > cursor and id <= batch end); without
-- this index both databases scan every impact of the incident for each batch.
create index impact_incident_id_walk_ix on impact (incident_id, id);

create sequence credit_seq start with 1 increment by 50;
create table credit (
    id                bigint         not null primary key,
    incident_id       bigint         not null,
    subscriber_id     bigint         not null,
    reason_code       varchar(32)    not null,
    amount            numeric(19,2)  not null,
    currency          varchar(3)     not null,
    note              varchar(1000),
    status            varchar(20)    not null,
    entry_type        varchar(10)    not null,
    reverses_id       bigint,
    requested_by      varchar(64)    not null,
    requested_at      timestamp(6) with time zone not null,
    decided_by        varchar(64),
    decided_at        timestamp(6) with time zone,
    decision_reason   varchar(1000),
    campaign_id       bigint,
    campaign_tier_id  bigint,
    tier_round        integer,
    version           integer        not null,
    constraint credit_incident_fk foreign key (incident_id) references incident (id),
    constraint credit_subscriber_fk foreign key (subscriber_id) references subscriber (id),
    constraint credit_reason_fk foreign key (reason_code) references credit_reason (code),
    constraint credit_reverses_fk foreign key (reverses_id) references credit (id),
    constraint credit_campaign_fk foreign key (campaign_id) references campaign (id),
    constraint credit_tier_fk foreign key (campaign_tier_id) references campaign_tier (id),
    constraint credit_status_ck check (status in ('ISSUED', 'PENDING_APPROVAL', 'REJECTED', 'REVERSED')),
    constraint credit_entry_type_ck check (entry_type in ('CREDIT', 'REVERSAL')),
    -- a credit is reversed at most once
    constraint credit_reverses_uk unique (reverses_id),
    -- a campaign tier credits a subscriber once per round (round 0 = the run, 1.. = top-ups), whatever the code does
    constraint credit_tier_subscriber_uk unique (campaign_tier_id, tier_round, entry_type, subscriber_id)
);
create index credit_subscriber_ix on credit (subscriber_id, incident_id);
create index credit_incident_status_ix on credit (incident_id, status);
create index credit_status_ix on credit (status, requested_at);
create index credit_campaign_ix on credit (campaign_id, status);

-- Idempotency keys of credit requests, per user: the first request with a key stores the hash of its content and
-- the credit it produced; the same key again returns that credit, with other content it is refused.
create table credit_request_key (
    actor         varchar(64)   not null,
    idem_key      varchar(128)  not null,
    request_hash  varchar(64)   not null,
    credit_id     bigint,
    created_at    timestamp(6) with time zone not null,
    constraint credit_request_key_pk primary key (actor, idem_key),
    constraint credit_request_key_credit_fk foreign key (credit_id) references credit (id)
);
