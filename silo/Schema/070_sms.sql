-- The SMS subsystem (短信子系统). The outbox's SMS rows gain a due time (a retry's backoff, or a claim's lease) and a
-- dead-letter time; sms_message keeps what each message became at the provider, for the SMS log and delivery reports.
ALTER TABLE notification_outbox
    ADD COLUMN next_attempt_at timestamptz, -- null: due since created_at
    ADD COLUMN dead_at         timestamptz, -- could never go as it is: shown to admins, who may resend
    ADD COLUMN in_flight       boolean NOT NULL DEFAULT false; -- claimed and not yet answered: true at the next claim means its sender died
CREATE INDEX notification_outbox_sms_due ON notification_outbox ((coalesce(next_attempt_at, created_at)))
    WHERE channel = 'sms' AND sent_at IS NULL AND dead_at IS NULL;

CREATE TABLE sms_message (
    outbox_id           uuid PRIMARY KEY REFERENCES notification_outbox (id),
    phone               text NOT NULL,
    template            text NOT NULL,
    provider            text NOT NULL,  -- 'aliyun', 'tencent', 'development'
    provider_message_id text,           -- Alibaba Cloud's BizId, Tencent Cloud's SerialNo
    text                text NOT NULL,  -- as the phone shows it after the sign name, with a code masked
    segments            integer NOT NULL,
    state               text NOT NULL CHECK (state IN ('sent', 'delivered', 'failed', 'unknown', 'dead')),
    error_code          text,
    error_message       text,
    attempted_at        timestamptz NOT NULL,
    final_at            timestamptz,
    checked_at          timestamptz     -- last asked of the provider's status query (no report had come)
);
CREATE INDEX sms_message_awaiting ON sms_message (attempted_at) WHERE state = 'sent';
CREATE INDEX sms_message_phone ON sms_message (phone, attempted_at DESC);
CREATE INDEX sms_message_attempted ON sms_message (attempted_at DESC);

-- What the development provider "sent": the stand-in for a phone's inbox, shown to admins at /admin/sms/dev.
CREATE TABLE sms_dev_inbox (
    out_id      uuid PRIMARY KEY,
    phone       text NOT NULL,
    sign_name   text NOT NULL,
    template    text NOT NULL,
    text        text NOT NULL,
    received_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX sms_dev_inbox_phone ON sms_dev_inbox (phone, received_at DESC);
CREATE INDEX sms_message_provider_id ON sms_message (provider, provider_message_id);

-- Numbers that replied TD/T/R (退订): no marketing or group notices, whichever provider they come through; codes and
-- messages about their own orders still go.
CREATE TABLE sms_opt_out (
    phone          text PRIMARY KEY,
    opted_out_at   timestamptz NOT NULL,
    provider       text NOT NULL,
    text           text NOT NULL
);

-- Replies (上行短信) as the providers pushed them; a pushed-again reply adds nothing.
CREATE TABLE sms_reply (
    id          bigserial PRIMARY KEY,
    provider    text NOT NULL,
    phone       text NOT NULL,
    text        text NOT NULL,
    sent_at     timestamptz NOT NULL,
    received_at timestamptz NOT NULL DEFAULT now(),
    action      text NOT NULL, -- 'unsubscribe', 'score', 'none'
    UNIQUE (provider, phone, sent_at, text)
);

-- Wakes the senders as soon as a transaction that owes text messages commits (NOTIFY is delivered at commit), instead
-- of every silo polling the outbox many times a second; they still look once a second for retries falling due.
-- Per row and only for SMS rows: an insert that adds nothing (ON CONFLICT, a member who chose the inbox) notifies
-- nobody, and the identical payloads of one transaction fold into one notification.
CREATE FUNCTION notification_outbox_notify() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    PERFORM pg_notify('notification_outbox', '');
    RETURN NULL;
END $$;
CREATE TRIGGER notification_outbox_notify AFTER INSERT ON notification_outbox
    FOR EACH ROW WHEN (NEW.channel = 'sms') EXECUTE FUNCTION notification_outbox_notify();
