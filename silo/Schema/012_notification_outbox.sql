-- Messages the platform owes people (an offer to a merchant, a consultation's reply to a resident), written in the
-- same transaction as the event that causes them. The SMS subsystem and the in-app inbox send and show them later;
-- the dedup key makes a replayed write add nothing.
CREATE TABLE notification_outbox (
    id             uuid PRIMARY KEY DEFAULT gen_random_uuid(),
    channel        text NOT NULL CHECK (channel IN ('sms', 'in-app')),
    recipient_kind text NOT NULL CHECK (recipient_kind IN ('merchant', 'worker', 'member', 'phone')),
    recipient_id   text NOT NULL, -- a merchant, worker or member id, or the phone number itself
    template       text NOT NULL, -- 'order.offered', 'consultation.reply', …
    params         jsonb NOT NULL,
    dedup_key      text NOT NULL UNIQUE,
    created_at     timestamptz NOT NULL DEFAULT now(),
    attempts       integer NOT NULL DEFAULT 0,
    sent_at        timestamptz,
    read_at        timestamptz,
    last_error     text
);
CREATE INDEX notification_outbox_pending ON notification_outbox (created_at) WHERE sent_at IS NULL;
CREATE INDEX notification_outbox_recipient ON notification_outbox (recipient_kind, recipient_id, created_at DESC);
