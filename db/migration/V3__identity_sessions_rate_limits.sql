-- Officers' sessions (Spring Session JDBC) and rate-limit buckets (Bucket4j), both in PostgreSQL so that
-- every replica serves every request and shares every limit.

-- Spring Session's PostgreSQL schema, owned by Flyway rather than initialised by the application.
create table spring_session (
    primary_id             char(36)      not null,
    session_id             char(36)      not null,
    creation_time          bigint        not null,
    last_access_time       bigint        not null,
    max_inactive_interval  integer       not null,
    expiry_time            bigint        not null,
    principal_name         varchar(100),
    constraint spring_session_pk primary key (primary_id)
);
create unique index spring_session_ix1 on spring_session (session_id);
create index spring_session_ix2 on spring_session (expiry_time);
create index spring_session_ix3 on spring_session (principal_name);

create table spring_session_attributes (
    session_primary_id  char(36)      not null,
    attribute_name      varchar(200)  not null,
    attribute_bytes     bytea         not null,
    constraint spring_session_attributes_pk primary key (session_primary_id, attribute_name),
    constraint spring_session_attributes_fk foreign key (session_primary_id)
        references spring_session (primary_id) on delete cascade
);

-- One token bucket per limited key (a hash of "limit:citizen-or-address", never a raw address).
create table rate_limit_bucket (
    id             varchar(80)  primary key,
    state          bytea,
    -- epoch milliseconds after which the bucket is full again and the row can go
    expires_at     bigint,
    explicit_lock  bigint
);
create index rate_limit_bucket_expires on rate_limit_bucket (expires_at);

-- The audit trail is paged newest first by id (keyset paging).
create index audit_event_actor_occurred on audit_event (actor, occurred_at desc);
