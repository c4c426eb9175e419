-- Partner webhooks: subscriptions, and an outbox of deliveries written in the same transaction as the order
-- events they report (so a committed change is never left unannounced), sent and retried by the silos.

CREATE TABLE webhook_subscription (
    id             uuid PRIMARY KEY,
    partner_key_id text NOT NULL,
    url            text NOT NULL,
    secret         text NOT NULL, -- kept to sign deliveries; shown to the partner once, at subscription
    active         boolean NOT NULL DEFAULT true,
    created_at     timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX webhook_subscription_partner ON webhook_subscription (partner_key_id) WHERE active;

CREATE TABLE webhook_delivery (
    id              uuid PRIMARY KEY DEFAULT gen_random_uuid(),
    subscription_id uuid NOT NULL REFERENCES webhook_subscription (id),
    event_type      text NOT NULL,
    payload         jsonb NOT NULL,
    created_at      timestamptz NOT NULL DEFAULT now(),
    attempts        integer NOT NULL DEFAULT 0,
    next_attempt_at timestamptz NOT NULL DEFAULT now(),
    delivered_at    timestamptz,
    last_error      text
);
CREATE INDEX webhook_delivery_due ON webhook_delivery (next_attempt_at) WHERE delivered_at IS NULL;
