-- The department admin console: every save of a department's settings is a new assistant profile version
-- (names and retention included), conversations can be flagged for follow-up and searched, and the
-- dashboard reads daily rollups that stay correct after conversations are erased.

-- 1. Profile versions carry the whole editable state of a department, so a diff or a rollback covers
--    everything an admin saves. The kill switch (department.active) is deliberately not versioned:
--    rolling back a profile must never switch an assistant back on.
alter table assistant_profile
    add column name_en        text,
    add column name_zh_hant   text,
    add column name_zh_hans   text,
    add column retention_days integer,
    -- a rollback is a new version copying this one
    add column restored_from  integer;

update assistant_profile p
set name_en = d.name_en, name_zh_hant = d.name_zh_hant, name_zh_hans = d.name_zh_hans,
    retention_days = d.retention_days
from department d
where d.id = p.department_id;

alter table assistant_profile
    alter column name_en set not null,
    alter column name_zh_hant set not null,
    alter column name_zh_hans set not null,
    alter column retention_days set not null,
    add constraint assistant_profile_names check (
        length(name_en) between 1 and 200 and length(name_zh_hant) between 1 and 200
        and length(name_zh_hans) between 1 and 200),
    add constraint assistant_profile_retention check (retention_days between 1 and 3650);

-- Rows written without the department's settings (older code, hand-written SQL) take the department's
-- current ones. Versions are never changed in place by the application (the entity maps every column but
-- "active" as not updatable); a database trigger would also refuse the tests' and operators' repairs.
create function assistant_profile_default_settings() returns trigger
    language plpgsql as
$$
begin
    if new.name_en is null or new.name_zh_hant is null or new.name_zh_hans is null or new.retention_days is null then
        select coalesce(new.name_en, d.name_en), coalesce(new.name_zh_hant, d.name_zh_hant),
               coalesce(new.name_zh_hans, d.name_zh_hans), coalesce(new.retention_days, d.retention_days)
        into new.name_en, new.name_zh_hant, new.name_zh_hans, new.retention_days
        from department d where d.id = new.department_id;
    end if;
    return new;
end;
$$;

create trigger assistant_profile_default_settings
    before insert on assistant_profile
    for each row execute function assistant_profile_default_settings();

-- 2. Escalation to staff, counted once per conversation however often its status changes.
alter table conversation add column first_escalated_at timestamptz;

-- 3. Conversations flagged by an admin for follow-up.
create table conversation_flag (
    conversation_id  uuid          primary key references conversation (id) on delete cascade,
    note             text          not null check (length(note) <= 2000),
    flagged_by       varchar(200)  not null,
    flagged_at       timestamptz   not null default now()
);

-- 4. Review: text search over what citizens asked and were answered. Only finished messages are indexed,
--    so an answer being streamed (its row is rewritten on every flush) never touches the index.
create extension if not exists pg_trgm;
create index message_content_trgm on message using gin (content gin_trgm_ops)
    where status <> 'STREAMING';
-- review lists newest first within a department
create index conversation_department_channel_created on conversation (department_id, channel, created_at desc, id);

-- 5. Dashboard rollups. Triggers append one row per countable fact to admin_stats_event (insert only, so
--    concurrent turns never wait on each other's counters); the application folds those rows into the
--    daily tables below and deletes them. Erasing a conversation (retention, a citizen's delete) does
--    not touch the rollups: last month's figures stay what they were.
create table admin_stats_event (
    id             bigint        generated always as identity primary key,
    kind           varchar(16)   not null
                   check (kind in ('conversation', 'escalated', 'question', 'answer', 'staff-reply', 'rating')),
    department_id  varchar(64)   not null,
    -- decides the day the fact counts for (conversations and escalations: the conversation's start;
    -- messages: when they were written; ratings: when the rated answer was written)
    occurred_at    timestamptz   not null,
    -- conversation: the citizen, folded into a distinct-count sketch and then deleted with this row
    owner_ref      varchar(128),
    language       varchar(16),
    -- answer: its final status; rating: UP or DOWN
    status         varchar(16),
    backend        varchar(64),
    model          varchar(200),
    tokens_in      integer,
    tokens_out     integer,
    ttft_ms        integer,
    duration_ms    integer,
    -- rating: -1 when a citizen changes their mind about an answer
    delta          integer       not null default 1
);

create table admin_daily_activity (
    department_id       varchar(64)  not null,
    day                 date         not null,
    conversations       integer      not null default 0,
    escalated           integer      not null default 0,
    questions           integer      not null default 0,
    staff_replies       integer      not null default 0,
    answers_complete    integer      not null default 0,
    answers_partial     integer      not null default 0,
    answers_failed      integer      not null default 0,
    answers_cancelled   integer      not null default 0,
    rated_up            integer      not null default 0,
    rated_down          integer      not null default 0,
    -- latency histograms (log-scale buckets, see LatencyHistogram) of answers that produced text
    ttft_histogram      integer[]    not null default '{}',
    duration_histogram  integer[]    not null default '{}',
    -- HyperLogLog registers of the citizens who started conversations that day (no identifiers)
    citizens_sketch     bytea,
    primary key (department_id, day)
);

create table admin_daily_language (
    department_id  varchar(64)  not null,
    day            date         not null,
    language       varchar(16)  not null,
    questions      integer      not null default 0,
    primary key (department_id, day, language)
);

create table admin_daily_model (
    department_id  varchar(64)   not null,
    day            date          not null,
    backend        varchar(64)   not null,
    model          varchar(200)  not null,
    answers        integer       not null default 0,
    tokens_in      bigint        not null default 0,
    tokens_out     bigint        not null default 0,
    primary key (department_id, day, backend, model)
);

create function admin_stats_on_conversation_insert() returns trigger
    language plpgsql as
$$
begin
    if new.channel = 'CITIZEN' then
        insert into admin_stats_event (kind, department_id, occurred_at, owner_ref)
        values ('conversation', new.department_id, new.created_at, new.owner_ref);
    end if;
    return null;
end;
$$;

create trigger admin_stats_conversation_insert
    after insert on conversation
    for each row execute function admin_stats_on_conversation_insert();

create function admin_stats_on_escalation() returns trigger
    language plpgsql as
$$
begin
    if new.status = 'ESCALATED' and old.first_escalated_at is null then
        new.first_escalated_at := now();
        if new.channel = 'CITIZEN' then
            insert into admin_stats_event (kind, department_id, occurred_at)
            values ('escalated', new.department_id, new.created_at);
        end if;
    end if;
    return new;
end;
$$;

create trigger admin_stats_conversation_escalated
    before update of status on conversation
    for each row when (new.status = 'ESCALATED')
    execute function admin_stats_on_escalation();

-- a message counts once, when it first reaches a final status (flushes of streamed text never fire this)
create function admin_stats_on_message() returns trigger
    language plpgsql as
$$
declare
    c record;
begin
    select department_id, channel into c from conversation where id = new.conversation_id;
    if not found or c.channel <> 'CITIZEN' then
        return null;
    end if;
    if new.role = 'USER' then
        insert into admin_stats_event (kind, department_id, occurred_at, language)
        values ('question', c.department_id, new.created_at, new.language);
    elsif new.role = 'ASSISTANT' then
        insert into admin_stats_event (kind, department_id, occurred_at, language, status, backend, model,
                                       tokens_in, tokens_out, ttft_ms, duration_ms)
        values ('answer', c.department_id, new.created_at, new.language, new.status, new.backend, new.model,
                new.tokens_in, new.tokens_out, new.time_to_first_token_ms, new.duration_ms);
    elsif new.role = 'STAFF' then
        insert into admin_stats_event (kind, department_id, occurred_at, language)
        values ('staff-reply', c.department_id, new.created_at, new.language);
    end if;
    return null;
end;
$$;

create trigger admin_stats_message_insert
    after insert on message
    for each row when (new.status <> 'STREAMING')
    execute function admin_stats_on_message();

create trigger admin_stats_message_finished
    after update of status on message
    for each row when (old.status = 'STREAMING' and new.status <> 'STREAMING')
    execute function admin_stats_on_message();

create function admin_stats_on_feedback() returns trigger
    language plpgsql as
$$
declare
    rated record;
begin
    select c.department_id, c.channel, m.created_at into rated
    from message m join conversation c on c.id = m.conversation_id
    where m.id = new.message_id;
    if not found or rated.channel <> 'CITIZEN' then
        return null;
    end if;
    if tg_op = 'UPDATE' then
        if old.rating = new.rating then
            return null;
        end if;
        insert into admin_stats_event (kind, department_id, occurred_at, status, delta)
        values ('rating', rated.department_id, rated.created_at, old.rating, -1);
    end if;
    insert into admin_stats_event (kind, department_id, occurred_at, status, delta)
    values ('rating', rated.department_id, rated.created_at, new.rating, 1);
    return null;
end;
$$;

create trigger admin_stats_feedback
    after insert or update of rating on feedback
    for each row execute function admin_stats_on_feedback();

-- what was there before this migration counts too
insert into admin_stats_event (kind, department_id, occurred_at, owner_ref)
select 'conversation', department_id, created_at, owner_ref from conversation where channel = 'CITIZEN';

insert into admin_stats_event (kind, department_id, occurred_at)
select 'escalated', department_id, created_at from conversation where channel = 'CITIZEN' and status = 'ESCALATED';
update conversation set first_escalated_at = last_activity_at where status = 'ESCALATED';

insert into admin_stats_event (kind, department_id, occurred_at, language, status, backend, model,
                               tokens_in, tokens_out, ttft_ms, duration_ms)
select case m.role when 'USER' then 'question' when 'ASSISTANT' then 'answer' else 'staff-reply' end,
       c.department_id, m.created_at, m.language,
       case when m.role = 'ASSISTANT' then m.status end, m.backend, m.model,
       m.tokens_in, m.tokens_out, m.time_to_first_token_ms, m.duration_ms
from message m join conversation c on c.id = m.conversation_id
where c.channel = 'CITIZEN' and m.status <> 'STREAMING' and m.role in ('USER', 'ASSISTANT', 'STAFF');

insert into admin_stats_event (kind, department_id, occurred_at, status)
select 'rating', c.department_id, m.created_at, f.rating
from feedback f join message m on m.id = f.message_id join conversation c on c.id = m.conversation_id
where c.channel = 'CITIZEN';
