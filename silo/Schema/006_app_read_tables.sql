-- Read tables built from the event log. Screens, lists and reports read these, never grain state blobs.

CREATE TABLE app_user (
    id           uuid PRIMARY KEY,
    login        text NOT NULL UNIQUE CHECK (login = lower(login)),
    display_name text NOT NULL,
    roles        text[] NOT NULL,
    agent_id     text,
    merchant_id  text,
    worker_id    text,
    member_id    text,
    disabled     boolean NOT NULL DEFAULT false,
    created_at   timestamptz NOT NULL DEFAULT now()
);

CREATE TABLE api_key (
    key_id      text PRIMARY KEY,
    name        text NOT NULL,
    kind        text NOT NULL CHECK (kind IN ('partner', 'telephony')),
    merchant_id text,
    created_at  timestamptz NOT NULL DEFAULT now(),
    revoked_at  timestamptz
);

-- The service catalogue (业务属性定义): a two-level tree of categories.
CREATE TABLE service_category (
    code        text PRIMARY KEY,
    parent_code text REFERENCES service_category (code),
    name_zh     text NOT NULL,
    name_en     text NOT NULL,
    sort_order  integer NOT NULL,
    active      boolean NOT NULL DEFAULT true
);

CREATE TABLE merchant (
    id           text PRIMARY KEY,
    name         text NOT NULL,
    credit_code  text NOT NULL UNIQUE,
    legal_person text NOT NULL,
    phone        text NOT NULL,
    address      text NOT NULL,
    district     text NOT NULL,
    categories   text[] NOT NULL,
    districts    text[] NOT NULL,
    status       text NOT NULL,
    credit_score integer NOT NULL,
    credit_level text NOT NULL,
    created_at   timestamptz NOT NULL DEFAULT now()
);

CREATE TABLE worker (
    id          text PRIMARY KEY,
    merchant_id text NOT NULL REFERENCES merchant (id),
    name        text NOT NULL,
    phone       text NOT NULL,
    skills      text[] NOT NULL,
    status      text NOT NULL,
    created_at  timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX worker_merchant ON worker (merchant_id);

CREATE TABLE agent (
    id         text PRIMARY KEY,
    name       text NOT NULL,
    extension  text NOT NULL UNIQUE,
    skills     jsonb NOT NULL,
    created_at timestamptz NOT NULL DEFAULT now()
);

CREATE TABLE call_queue (
    id              text PRIMARY KEY,
    name_zh         text NOT NULL,
    name_en         text NOT NULL,
    skill           text NOT NULL,
    strategy        text NOT NULL,
    wrap_up_seconds integer NOT NULL,
    created_at      timestamptz NOT NULL DEFAULT now()
);

CREATE TABLE broadcast (
    id           uuid PRIMARY KEY,
    text         text NOT NULL,
    author       text NOT NULL,
    posted_at    timestamptz NOT NULL,
    expires_at   timestamptz NOT NULL,
    ended_at     timestamptz,
    ended_reason text,
    ended_by     text
);
