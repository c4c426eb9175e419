-- IVR outbound campaigns (IVR外呼): one row per campaign and one per number, built from the campaign's events.
CREATE TABLE ivr_campaign (
    id                  text PRIMARY KEY,
    name                text NOT NULL,
    kind                text NOT NULL,
    prompt              text NOT NULL,
    status              text NOT NULL,
    pacing              integer NOT NULL,
    retry_after_minutes integer NOT NULL,
    max_attempts        integer NOT NULL,
    allowed_from        text NOT NULL,
    allowed_to          text NOT NULL,
    created_by          text NOT NULL,
    created_at          timestamptz NOT NULL,
    updated_at          timestamptz NOT NULL
);

CREATE TABLE ivr_campaign_target (
    campaign_id     text NOT NULL REFERENCES ivr_campaign (id),
    target_no       integer NOT NULL,
    number          text NOT NULL,
    order_no        text,
    attempts        integer NOT NULL DEFAULT 0,
    last_call_id    text,
    last_outcome    text,
    result          text,
    digits          text,
    next_attempt_at timestamptz,
    -- A follow-up number's final result has reached its order.
    handed_over     boolean NOT NULL DEFAULT false,
    updated_at      timestamptz NOT NULL,
    PRIMARY KEY (campaign_id, target_no)
);
