-- Credit scoring (信用评价): every score change with its reason and the event that caused it, so a score is
-- explainable line by line; the current score and level on the merchant's and the worker's rows; and the checkpoint
-- of the projector that feeds credit from the work-order events in the log.
CREATE TABLE credit_change (
    id           bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    subject_kind text NOT NULL CHECK (subject_kind IN ('merchant', 'worker')),
    subject_id   text NOT NULL,
    at           timestamptz NOT NULL,
    reason       text NOT NULL,
    source       text NOT NULL, -- "<order no>#<version>" of the event, or the penalty an appeal is about
    score_before numeric(5, 2) NOT NULL,
    score_after  numeric(5, 2) NOT NULL,
    level_points integer NOT NULL
);
CREATE INDEX credit_change_subject ON credit_change (subject_kind, subject_id, at DESC);

ALTER TABLE merchant ADD COLUMN credit_points integer NOT NULL DEFAULT 0;
ALTER TABLE worker
    ADD COLUMN credit_score  integer NOT NULL DEFAULT 80,
    ADD COLUMN credit_level  text NOT NULL DEFAULT 'none',
    ADD COLUMN credit_points integer NOT NULL DEFAULT 0;

CREATE TABLE projection_checkpoint (
    name     text PRIMARY KEY,
    last_seq bigint NOT NULL
);
