-- Issue 18 (decision 0020): Spring Modulith's event publication registry (spring-modulith-events-jdbc 2.0.3, its "v2"
-- structure). A row per event and after-commit listener, written in the publisher's transaction and deleted once the
-- listener has succeeded (completion mode DELETE): what is left is what has not been done yet.
-- Columns as in the jar's schema-h2.sql and schema-postgresql.sql, in types both engines accept:
--  * timestamps "with time zone" without a precision (both keep microseconds; H2's TIMESTAMP(9) is refused by
--    PostgreSQL, whose limit is 6);
--  * serialized_event without a length (H2's VARCHAR(4000) would refuse a hold with a few hundred SKUs in the
--    publisher's transaction, the hold with it);
--  * no index on serialized_event: PostgreSQL's btree refuses values over about 2,700 bytes (the jar uses a hash index
--    there, which H2 does not know), and the registry finds a row by it only when it lost track of the row's id; the
--    table holds only the publications not yet done.
create table event_publication (
    id                     uuid                     not null,
    listener_id            varchar(512)             not null,
    event_type             varchar(512)             not null,
    serialized_event       varchar                  not null,
    publication_date       timestamp with time zone not null,
    completion_date        timestamp with time zone,
    status                 varchar(20),
    completion_attempts    integer,
    last_resubmission_date timestamp with time zone,
    constraint event_publication_pk primary key (id)
);
create index event_publication_by_publication_date_idx on event_publication (publication_date);
