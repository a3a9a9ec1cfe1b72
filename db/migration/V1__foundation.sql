-- govchat foundation schema: departments and their versioned assistant profiles, conversations
-- with one row per message, feedback and the append-only audit trail.

create table department (
    id              varchar(64)  primary key check (id ~ '^[a-z0-9][a-z0-9-]{0,63}$'),
    name_en         text         not null check (length(name_en) between 1 and 200),
    name_zh_hant    text         not null check (length(name_zh_hant) between 1 and 200),
    name_zh_hans    text         not null check (length(name_zh_hans) between 1 and 200),
    active          boolean      not null default true,
    retention_days  integer      not null default 365 check (retention_days between 1 and 3650),
    created_at      timestamptz  not null default now(),
    updated_at      timestamptz  not null default now()
);

create table assistant_profile (
    id                 bigint        generated always as identity primary key,
    department_id      varchar(64)   not null references department (id) on delete cascade,
    version            integer       not null check (version > 0),
    system_prompt      text          not null check (length(system_prompt) between 1 and 20000),
    backend_id         varchar(64)   not null,
    model              varchar(200),
    fallback_backends  text[]        not null default '{}',
    temperature        numeric(3, 2) not null default 0.30 check (temperature between 0 and 2),
    max_output_tokens  integer       not null default 1024 check (max_output_tokens between 1 and 32768),
    memory_messages    integer       not null default 20 check (memory_messages between 0 and 200),
    greeting_en        text          not null check (length(greeting_en) between 1 and 2000),
    greeting_zh_hant   text          not null check (length(greeting_zh_hant) between 1 and 2000),
    greeting_zh_hans   text          not null check (length(greeting_zh_hans) between 1 and 2000),
    handoff_enabled    boolean       not null default false,
    active             boolean       not null default false,
    created_by         varchar(200)  not null,
    created_at         timestamptz   not null default now(),
    constraint assistant_profile_version_unique unique (department_id, version)
);
-- exactly one active version per department (the catalog looks it up by department)
create unique index assistant_profile_one_active on assistant_profile (department_id) where active;

create table conversation (
    id                uuid         primary key,
    department_id     varchar(64)  not null references department (id),
    channel           varchar(16)  not null check (channel in ('CITIZEN', 'STAFF')),
    -- a hash of the anonymous session or the staff subject, never the raw value
    owner_ref         varchar(128) not null,
    language          varchar(16)  check (language in ('en', 'yue-Hant', 'zh-Hant', 'zh-Hans')),
    title             text,
    status            varchar(16)  not null default 'ACTIVE' check (status in ('ACTIVE', 'ESCALATED', 'CLOSED')),
    created_at        timestamptz  not null default now(),
    last_activity_at  timestamptz  not null default now()
);
-- "my conversations", newest first
create index conversation_owner_recent on conversation (owner_ref, last_activity_at desc);
-- department dashboards and reviews by date; retention purge by age
create index conversation_department_created on conversation (department_id, created_at);
create index conversation_last_activity on conversation (last_activity_at);

create table message (
    id                      uuid         primary key,
    conversation_id         uuid         not null references conversation (id) on delete cascade,
    seq                     integer      not null check (seq > 0),
    role                    varchar(16)  not null check (role in ('USER', 'ASSISTANT', 'STAFF', 'SYSTEM')),
    content                 text         not null default '',
    -- model reasoning (<think>…</think>), never shown to citizens
    reasoning               text,
    language                varchar(16)  check (language in ('en', 'yue-Hant', 'zh-Hant', 'zh-Hans')),
    status                  varchar(16)  not null check (status in ('COMPLETE', 'STREAMING', 'PARTIAL', 'FAILED', 'CANCELLED')),
    backend                 varchar(64),
    model                   varchar(200),
    tokens_in               integer      check (tokens_in >= 0),
    tokens_out              integer      check (tokens_out >= 0),
    time_to_first_token_ms  integer      check (time_to_first_token_ms >= 0),
    duration_ms             integer      check (duration_ms >= 0),
    error_type              varchar(200),
    created_at              timestamptz  not null default now(),
    completed_at            timestamptz,
    -- history is paged by seq inside a conversation: this unique index serves those pages
    constraint message_seq_unique unique (conversation_id, seq)
);
-- analytics by day
create index message_created on message (created_at);
-- generations still running (recovery after a crash looks only at these)
create index message_streaming on message (created_at) where status = 'STREAMING';

create table feedback (
    id          bigint       generated always as identity primary key,
    message_id  uuid         not null unique references message (id) on delete cascade,
    rating      varchar(8)   not null check (rating in ('UP', 'DOWN')),
    comment     text         check (length(comment) <= 2000),
    created_at  timestamptz  not null default now(),
    updated_at  timestamptz  not null default now()
);

create table audit_event (
    id             bigint        generated always as identity primary key,
    occurred_at    timestamptz   not null default now(),
    actor          varchar(200)  not null,
    action         varchar(100)  not null,
    department_id  varchar(64),
    target_type    varchar(64),
    target_id      varchar(200),
    source_ip      varchar(64),
    details        jsonb         not null default '{}'::jsonb
);
create index audit_event_occurred on audit_event (occurred_at desc);
create index audit_event_department_occurred on audit_event (department_id, occurred_at desc);

-- The audit trail is append-only: the database itself refuses to change or remove a row.
create function audit_event_is_append_only() returns trigger
    language plpgsql as
$$
begin
    raise exception 'audit_event is append-only: % is not allowed', tg_op
        using errcode = 'insufficient_privilege';
end;
$$;

create trigger audit_event_no_update_or_delete
    before update or delete on audit_event
    for each row execute function audit_event_is_append_only();

create trigger audit_event_no_truncate
    before truncate on audit_event
    for each statement execute function audit_event_is_append_only();
