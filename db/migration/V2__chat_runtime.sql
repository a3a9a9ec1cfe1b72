-- What a running chat needs across replicas and restarts.

-- Every app instance heart-beats here; a generation whose instance stopped heart-beating is an orphan.
create table app_instance (
    id            varchar(64)  primary key,
    started_at    timestamptz  not null default now(),
    heartbeat_at  timestamptz  not null default now()
);

-- the instance running a STREAMING message's generation
alter table message add column owner_instance varchar(64);

-- Secrets generated once per installation and shared by every replica (e.g. the key that signs
-- anonymous citizen cookies), so no configuration is needed for a first run.
create table platform_secret (
    name        varchar(64)  primary key,
    value       bytea        not null,
    created_at  timestamptz  not null default now()
);
