-- The caller's story for screen pops: members and work orders as read tables. The member center and
-- work-order issues own these tables from here on and extend them; the call center only reads them.

CREATE TABLE member (
    id         text PRIMARY KEY,
    name       text NOT NULL,
    phone      text NOT NULL UNIQUE,
    vip        boolean NOT NULL DEFAULT false,
    addresses  text[] NOT NULL DEFAULT '{}',
    created_at timestamptz NOT NULL DEFAULT now()
);

CREATE TABLE work_order (
    order_no      text PRIMARY KEY,
    kind          text NOT NULL CHECK (kind IN ('service', 'consultation', 'complaint', 'suggestion')),
    category_code text REFERENCES service_category (code),
    status        text NOT NULL,
    open          boolean NOT NULL DEFAULT true,
    member_id     text REFERENCES member (id),
    contact_phone text NOT NULL,
    agent_id      text,
    merchant_id   text REFERENCES merchant (id),
    call_id       text,
    created_at    timestamptz NOT NULL,
    closed_at     timestamptz
);
CREATE INDEX work_order_phone ON work_order (contact_phone, created_at DESC);
CREATE INDEX work_order_member ON work_order (member_id, created_at DESC);
