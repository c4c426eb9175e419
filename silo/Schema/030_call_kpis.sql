-- Call-center KPIs (docs/kpis.md). Reports and the live panel's start-of-day rebuild read call and agent events by
-- time: an index on (aggregate_type, occurred_at) finds a range's events without scanning the whole log.
CREATE INDEX IF NOT EXISTS event_log_aggregate_time ON event_log (aggregate_type, occurred_at);

-- Each queue's service-level threshold: X % answered within Y seconds. A queue without a row uses 80 % / 20 s.
CREATE TABLE queue_service_level (
    queue_id       text PRIMARY KEY REFERENCES call_queue (id),
    within_seconds integer NOT NULL DEFAULT 20 CHECK (within_seconds BETWEEN 1 AND 3600),
    target_percent integer NOT NULL DEFAULT 80 CHECK (target_percent BETWEEN 1 AND 100),
    version        integer NOT NULL DEFAULT 0, -- of the "queue_service_level" aggregate in event_log (event ServiceLevelSet)
    updated_at     timestamptz NOT NULL DEFAULT now()
);
