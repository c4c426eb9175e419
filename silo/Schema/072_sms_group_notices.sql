-- Group notices (消息通知): an admin's text to a group of merchants, workers or members, sent now or at a set time.
-- At release each recipient becomes an SMS row in the outbox, tagged with its notice, so progress is read per recipient.
CREATE TABLE group_notice (
    id            text PRIMARY KEY,
    text          text NOT NULL,
    audience_kind text NOT NULL,
    category      text,
    district      text,
    status        text NOT NULL CHECK (status IN ('Scheduled', 'Released', 'Cancelled')),
    send_at       timestamptz NOT NULL,
    created_at    timestamptz NOT NULL,
    created_by    text NOT NULL,
    released_at   timestamptz,
    recipients    integer
);
CREATE INDEX group_notice_created ON group_notice (created_at DESC);

ALTER TABLE notification_outbox ADD COLUMN group_notice_id text;
CREATE INDEX notification_outbox_group_notice ON notification_outbox (group_notice_id) WHERE group_notice_id IS NOT NULL;
