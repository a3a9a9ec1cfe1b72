-- The staff portal: live handoff from the assistant to an officer, and supervised answers.

-- One row per time a citizen asked for a human. A conversation has at most one open handoff; its phase
-- follows from the columns: waiting (nobody claimed it yet), timed out (the claim deadline passed and
-- the citizen was told), claimed (an officer is talking to the citizen), follow-up (the citizen left a
-- contact or took a case reference), ended.
create table handoff (
    id                  uuid         primary key,
    conversation_id     uuid         not null references conversation (id) on delete cascade,
    department_id       varchar(64)  not null references department (id),
    reason              varchar(32)  not null
        check (reason in ('CITIZEN_REQUEST', 'NEGATIVE_RATING', 'ASSISTANT_FAILED')),
    -- the language of the notices the citizen gets about this handoff
    language            varchar(16)  not null check (language in ('en', 'yue-Hant', 'zh-Hant', 'zh-Hans')),
    requested_at        timestamptz  not null default now(),
    -- set once at request time from govchat.handoff.claim-timeout
    claim_deadline      timestamptz  not null,
    timed_out_at        timestamptz,
    claimed_at          timestamptz,
    -- the officer (sign-in name as in the audit trail, and the name shown to colleagues)
    claimed_by          varchar(200),
    claimed_by_name     varchar(200),
    follow_up_at        timestamptz,
    -- a validated phone number (E.164) or e-mail address the citizen left, if any
    contact             varchar(254),
    contact_kind        varchar(8)   check (contact_kind in ('PHONE', 'EMAIL')),
    case_reference      varchar(32)  unique,
    ended_at            timestamptz,
    outcome             varchar(16)
        check (outcome in ('HANDED_BACK', 'CLOSED', 'CANCELLED', 'FOLLOWED_UP')),
    ended_by            varchar(200),
    constraint handoff_claim_complete check ((claimed_at is null) = (claimed_by is null)),
    constraint handoff_end_complete check ((ended_at is null) = (outcome is null)),
    constraint handoff_contact_complete check ((contact is null) = (contact_kind is null))
);
-- at most one open handoff per conversation: a second request while one is open is refused
create unique index handoff_one_open on handoff (conversation_id) where ended_at is null;
-- the department's inbox reads only open handoffs
create index handoff_open_by_department on handoff (department_id, requested_at) where ended_at is null;
-- the timeout sweep reads only unclaimed ones still within the deadline
create index handoff_awaiting_claim on handoff (claim_deadline)
    where ended_at is null and claimed_at is null and timed_out_at is null and follow_up_at is null;

-- Officers' messages carry the officer's name (shown to colleagues, never to citizens).
alter table message add column author_name varchar(200);

-- Supervised mode: an answer to a citizen is held until an officer approves or edits it.
alter table message add column review_state varchar(16) check (review_state in ('PENDING', 'APPROVED', 'EDITED'));
-- what the model wrote, kept when an officer replaced it
alter table message add column draft_content text;
alter table message add column reviewed_by varchar(200);
alter table message add column reviewed_at timestamptz;
create index message_review_pending on message (created_at) where review_state = 'PENDING';

-- Per department: hold the assistant's answers to citizens for an officer's approval (off by default).
alter table department add column supervised_answers boolean not null default false;
