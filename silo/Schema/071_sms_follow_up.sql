-- A reply of 1–5 to the follow-up SMS (回访短信) is that order's follow-up score: which order it went to, and when the
-- order took it (a reply pushed again before then is applied again; the order keeps only its first rating).
ALTER TABLE sms_reply
    ADD COLUMN order_no   text,
    ADD COLUMN applied_at timestamptz;
CREATE INDEX sms_message_follow_up ON sms_message (phone, attempted_at DESC) WHERE template = 'order.follow-up';
