-- Hotline numbers (热线号码), business hours and holidays, the caller blacklist (黑名单): call-center configuration edited
-- live through grains. Each change is a version with its full content in the event; these are the read tables.

-- One row per configured number ("web-callback": the website's callback requests by topic), its current settings
-- (name, routes by IVR choice, hours per kind of day, what callers hear when closed or blocked) as the API shows them.
CREATE TABLE hotline (
    dialled    text PRIMARY KEY,
    name       text NOT NULL,
    version    int NOT NULL,
    settings   jsonb NOT NULL,
    changed_by text NOT NULL,
    changed_at timestamptz NOT NULL
);

-- Routes now live in each hotline's settings, owned by its grain (before: seeded rows read by the directory grain).
DROP TABLE hotline_route;

-- The official holiday calendar, one row per year entered: holiday ranges and make-up working days (调休上班).
CREATE TABLE holiday_calendar (
    year       int PRIMARY KEY,
    version    int NOT NULL,
    content    jsonb NOT NULL,
    changed_by text NOT NULL,
    changed_at timestamptz NOT NULL
);

-- Every number ever put on the blacklist; blocked is false once lifted. A number is blocked through expires_on
-- (Asia/Shanghai, inclusive).
CREATE TABLE caller_blacklist (
    number     text PRIMARY KEY,
    version    int NOT NULL,
    blocked    boolean NOT NULL,
    reason     text,
    expires_on date,
    blocked_by text,
    blocked_at timestamptz,
    call_id    text,
    note       text,
    changed_by text NOT NULL,
    changed_at timestamptz NOT NULL
);
CREATE INDEX caller_blacklist_current ON caller_blacklist (blocked, expires_on);

-- Every version of those three kinds of configuration with its full content: the pages' history, and what a revert
-- (a new version with the previous content) reads back.
CREATE TABLE call_config_version (
    kind       text NOT NULL,          -- hotline, holiday_calendar, caller_blacklist
    id         text NOT NULL,          -- the number, or the year
    version    int NOT NULL,
    content    jsonb NOT NULL,
    change     text NOT NULL,          -- save, revert, block, unblock
    changed_by text NOT NULL,
    changed_at timestamptz NOT NULL,
    PRIMARY KEY (kind, id, version)
);
