-- The respondents' sessions of peiling serve (docs/serve.md#the-schema). One row per respondent key and
-- kind (real or test); the engine's saved state is the truth, the other columns serve lookups, the export
-- and the barometer.
create table sessions (
    id           bigint generated always as identity primary key,
    token        text        not null unique,
    respondent   text        not null,
    institution  text        not null,
    location     text        not null,
    modules      text        not null,
    test         boolean     not null,
    state        text        not null,
    version      integer     not null default 0,
    finished     boolean     not null default false,
    record       text,
    created_at   timestamptz not null default now(),
    updated_at   timestamptz not null default now(),
    finished_at  timestamptz,
    constraint sessions_one_per_respondent unique (test, respondent),
    constraint sessions_record_when_finished check (finished = (record is not null))
);

-- The export and the barometer read the finished real sessions only.
create index sessions_finished on sessions (id) where finished and not test;

-- The notice the survey owner sets ("a known problem, we are on it"); at most one row.
create table notice (
    id          integer     primary key check (id = 1),
    text        text        not null,
    updated_at  timestamptz not null default now()
);
