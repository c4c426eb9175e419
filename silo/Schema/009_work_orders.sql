-- Work orders (issue 4): the order read table grows the fields lists and screens need; numbers are allocated
-- per day in Asia/Shanghai; dispatch decisions are kept for "why this merchant".

ALTER TABLE work_order
    ADD COLUMN channel        text NOT NULL DEFAULT 'phone',
    ADD COLUMN contact_name   text,
    ADD COLUMN address        text,
    ADD COLUMN district       text,
    ADD COLUMN window_start   timestamptz,
    ADD COLUMN window_end     timestamptz,
    ADD COLUMN worker_id      text,
    ADD COLUMN offer_attempts integer NOT NULL DEFAULT 0,
    ADD COLUMN offer_expires_at timestamptz,
    ADD COLUMN related_order_no text,
    ADD COLUMN score          integer,
    ADD COLUMN completed_at   timestamptz,
    ADD COLUMN created_by     text,
    ADD COLUMN updated_at     timestamptz;
CREATE INDEX work_order_merchant ON work_order (merchant_id, status);
CREATE INDEX work_order_worker ON work_order (worker_id, status);
CREATE INDEX work_order_status ON work_order (status, created_at DESC);
-- The sweeper's question: which orders should be moving but have not been touched for a while?
CREATE INDEX work_order_dispatching ON work_order (updated_at) WHERE status IN ('Raw', 'PendingDispatch', 'Offered');

ALTER TABLE merchant ADD COLUMN capacity integer NOT NULL DEFAULT 20;

CREATE TABLE order_number_counter (
    day  date PRIMARY KEY,
    last integer NOT NULL
);

CREATE TABLE dispatch_decision (
    id         bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    order_no   text NOT NULL,
    decided_at timestamptz NOT NULL,
    attempt    integer NOT NULL,
    manual     boolean NOT NULL,
    reason     text,
    ranked     jsonb NOT NULL,
    chosen     text,
    skipped    jsonb NOT NULL
);
CREATE INDEX dispatch_decision_order ON dispatch_decision (order_no, decided_at);

-- A partner's create-order request and the order number it got: a retry with the same key gets the same order.
CREATE TABLE partner_order_receipt (
    partner_key_id  text NOT NULL,
    idempotency_key text NOT NULL,
    order_no        text NOT NULL,
    created_at      timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (partner_key_id, idempotency_key)
);
