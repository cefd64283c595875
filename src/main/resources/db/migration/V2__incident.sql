-- Incidents (the core record; the timeline's tables follow in V3).
create sequence incident_seq start with 1 increment by 50;
create table incident (
    id                 bigint        not null primary key,
    title              varchar(200)  not null,
    description        varchar(10000) not null,
    severity           varchar(8)    not null,
    status             varchar(16)   not null,
    affected_services  varchar(500)  not null,
    reference_zone     varchar(64)   not null,
    started_at         timestamp(6) with time zone not null,
    detected_at        timestamp(6) with time zone,
    acknowledged_at    timestamp(6) with time zone,
    mitigated_at       timestamp(6) with time zone,
    resolved_at        timestamp(6) with time zone,
    created_at         timestamp(6) with time zone not null,
    created_by         varchar(64)   not null,
    version            integer       not null,
    constraint incident_severity_ck check (severity in ('SEV1', 'SEV2', 'SEV3', 'SEV4')),
    constraint incident_status_ck check (status in ('INVESTIGATING', 'IDENTIFIED', 'MONITORING', 'RESOLVED'))
);
create index incident_status_ix on incident (status, started_at);
