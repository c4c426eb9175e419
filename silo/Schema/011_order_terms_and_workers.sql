-- Issue 4, second part: category business attributes (业务属性定义), worker availability, acceptance answers, and the
-- timestamps the order statistics need.

-- Per category: the extra fields an order must carry, its default SLA, a price guide and the skills a worker needs.
-- An order copies these terms when it is classified, so a later change affects new orders only.
ALTER TABLE service_category
    ADD COLUMN required_fields        jsonb   NOT NULL DEFAULT '[]',
    ADD COLUMN dispatch_sla_minutes   integer, -- empty: the center-wide default
    ADD COLUMN completion_grace_hours integer,
    ADD COLUMN price_guide_zh         text,
    ADD COLUMN price_guide_en         text,
    ADD COLUMN skills                 text[]  NOT NULL DEFAULT '{}',
    ADD COLUMN terms_version          integer NOT NULL DEFAULT 1,
    ADD COLUMN updated_at             timestamptz;

-- A worker's live status follows the order they are on; qualification expiry blocks assignment.
ALTER TABLE worker
    ADD COLUMN qualification_expires date,
    ADD COLUMN current_order         text,
    ADD COLUMN status_since          timestamptz NOT NULL DEFAULT now();

-- How each offer was answered: the merchant's acceptance rate for dispatch ranking.
ALTER TABLE dispatch_decision
    ADD COLUMN answer      text CHECK (answer IN ('accepted', 'refused', 'timeout')),
    ADD COLUMN answered_at timestamptz;
CREATE INDEX dispatch_decision_chosen ON dispatch_decision (chosen, decided_at) WHERE chosen IS NOT NULL;

-- Dispatch-to-accept time for the statistics.
ALTER TABLE work_order
    ADD COLUMN first_offered_at timestamptz,
    ADD COLUMN accepted_at      timestamptz;
CREATE INDEX work_order_created ON work_order (created_at);
