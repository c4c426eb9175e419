-- The business event log: append-only, one row per event, with a per-aggregate version check.
CREATE TABLE event_log (
    seq            bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    aggregate_type text        NOT NULL,
    aggregate_id   text        NOT NULL,
    version        integer     NOT NULL CHECK (version > 0),
    event_type     text        NOT NULL,
    payload        jsonb       NOT NULL,
    actor          text,
    occurred_at    timestamptz NOT NULL,
    recorded_at    timestamptz NOT NULL DEFAULT now(),
    CONSTRAINT event_log_aggregate_version UNIQUE (aggregate_type, aggregate_id, version)
);
CREATE INDEX event_log_type_time ON event_log (event_type, occurred_at);

-- The log is append-only: updates and deletes are refused, whoever tries them.
CREATE FUNCTION event_log_refuse_change() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    RAISE EXCEPTION 'event_log is append-only';
END $$;
CREATE TRIGGER event_log_append_only BEFORE UPDATE OR DELETE ON event_log
    FOR EACH ROW EXECUTE FUNCTION event_log_refuse_change();

-- Commands from outside carry an idempotency key; a repeat returns the first answer.
CREATE TABLE command_receipt (
    scope       text        NOT NULL,
    key         text        NOT NULL,
    status_code integer     NOT NULL,
    response    jsonb       NOT NULL,
    created_at  timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (scope, key)
);
