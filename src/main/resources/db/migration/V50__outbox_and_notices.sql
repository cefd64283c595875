-- The outbox (issue 13): one durable path for every outbound message (customer notices now, store and team
-- e-mails later). One row per recipient and channel; the unique key makes a crash, a retry or a second node unable
-- to create the same message twice, and the dispatcher's claim (status QUEUED -> SENDING by id) unable to send it
-- twice. Sized for a million rows per notice.
create sequence outbox_message_seq start with 1 increment by 1;
create table outbox_message (
    id             bigint        not null primary key,
    kind           varchar(16)   not null,
    event_key      varchar(120)  not null,
    recipient_key  varchar(320)  not null,
    channel        varchar(8)    not null,
    subscriber_id  bigint,
    address        varchar(320),
    subject        varchar(300),
    body           varchar(8000) not null,
    sms_parts      integer,
    status         varchar(16)   not null,
    skip_reason    varchar(200),
    attempts       integer       not null,
    not_before     timestamp(6) with time zone not null,
    provider_id    varchar(80),
    last_error     varchar(500),
    queued_at      timestamp(6) with time zone not null,
    claimed_at     timestamp(6) with time zone,
    claimed_by     varchar(80),
    sent_at        timestamp(6) with time zone,
    done_at        timestamp(6) with time zone,
    constraint outbox_message_uk unique (event_key, recipient_key, channel),
    constraint outbox_message_channel_ck check (channel in ('SMS', 'EMAIL')),
    constraint outbox_message_status_ck check (status in ('QUEUED', 'SENDING', 'SENT', 'DELIVERED', 'FAILED',
        'EXPIRED', 'SKIPPED'))
);
-- the dispatcher's claim: due messages of a channel in id order
create index outbox_message_due_ix on outbox_message (status, channel, not_before, id);
-- a notice's counts and its messages by status
create index outbox_message_event_ix on outbox_message (event_key, status);
-- delivery receipts find their message by the SMSC's id
create index outbox_message_provider_ix on outbox_message (provider_id);
-- a subscriber's notices
create index outbox_message_subscriber_ix on outbox_message (subscriber_id);

-- events (a notice) whose messages the dispatcher must not take while an incident manager holds them
create table outbox_paused (
    event_key  varchar(120) not null primary key,
    paused_at  timestamp(6) with time zone not null
);

-- each channel's health as the dispatchers last saw it, so that every node and the screen agree
create table outbox_channel_state (
    channel     varchar(8)    not null primary key,
    up          boolean       not null,
    down_since  timestamp(6) with time zone,
    last_error  varchar(500),
    checked_at  timestamp(6) with time zone not null
);

-- numbers that asked (STOP) or were asked for not to be texted
create table sms_opt_out (
    msisdn        varchar(16)  not null primary key,
    opted_out_at  timestamp(6) with time zone not null,
    source        varchar(16)  not null,
    recorded_by   varchar(64)  not null
);

-- subscribers may have an e-mail address (the import's optional email column)
alter table subscriber add column email varchar(254);

-- customer notices: what an incident manager composes, a second one approves, and the outbox sends
create sequence customer_notice_seq start with 1 increment by 50;
create table customer_notice (
    id                bigint         not null primary key,
    incident_id       bigint         not null,
    name              varchar(200)   not null,
    status            varchar(16)    not null,
    f_statuses        varchar(200),
    f_category        varchar(16),
    f_sku             varchar(64),
    f_region          varchar(64),
    f_store           varchar(32),
    f_contacted       boolean,
    f_q               varchar(100),
    channels          varchar(16)    not null,
    sms_template      varchar(1000),
    email_subject     varchar(200),
    email_body        varchar(4000),
    urgent            boolean        not null,
    created_by        varchar(64)    not null,
    created_at        timestamp(6) with time zone not null,
    submitted_at      timestamp(6) with time zone,
    decided_by        varchar(64),
    decided_at        timestamp(6) with time zone,
    reject_reason     varchar(1000),
    enqueue_cursor    bigint,
    enqueued_at       timestamp(6) with time zone,
    finished_at       timestamp(6) with time zone,
    version           integer        not null,
    constraint customer_notice_incident_fk foreign key (incident_id) references incident (id),
    constraint customer_notice_status_ck check (status in ('DRAFT', 'SUBMITTED', 'REJECTED', 'SENDING', 'PAUSED',
        'COMPLETED', 'CANCELLED')),
    constraint customer_notice_channels_ck check (channels in ('SMS', 'EMAIL', 'BOTH', 'SMS_ELSE_EMAIL'))
);
create index customer_notice_incident_ix on customer_notice (incident_id, id);
