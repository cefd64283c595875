-- Imports in the background, kept in the database (issue 17): every node shows the running import of an incident
-- and its progress, and the last result, whichever node runs it; they survive a restart of the node that shows
-- them. The node running an import renews heartbeat_at; a running import whose heartbeat stopped (its node died) is
-- shown as failed, and its import transaction was rolled back with the node's connection: nothing half imported.
create table import_job (
    id                   varchar(36)    not null primary key,
    incident_id          bigint         not null,
    -- set while the import runs, empty once it ended: one running import per incident, also across nodes
    running_incident_id  bigint,
    file_name            varchar(255)   not null,
    started_by           varchar(64)    not null,
    started_at           timestamp(6) with time zone not null,
    phase                varchar(16)    not null,
    progress             double precision not null,
    rows_read            bigint         not null,
    -- the ImportResult as JSON (counts and up to 10,000 row errors) once done
    result_json          text,
    failure              varchar(1000),
    job_owner            varchar(128)   not null,
    heartbeat_at         timestamp(6) with time zone not null,
    constraint import_job_incident_fk foreign key (incident_id) references incident (id),
    constraint import_job_running_uk unique (running_incident_id),
    constraint import_job_phase_ck check (phase in ('CHECKING', 'MERGING', 'DONE', 'FAILED'))
);
create index import_job_incident_ix on import_job (incident_id, started_at);
