-- Resident accounts by phone number (会员注册/登录, 会员资料): members registered on the website get numbers from a
-- sequence (R1001, …; the center's earlier records keep theirs). Each address carries a label and its district, kept as
-- jsonb beside the plain lines the call center's screen pop reads; contact preferences say how the member wants to hear.
CREATE SEQUENCE member_number START 1001;

ALTER TABLE member
    ADD COLUMN address_book  jsonb       NOT NULL DEFAULT '[]',
    ADD COLUMN notify_sms    boolean     NOT NULL DEFAULT true,
    ADD COLUMN notify_in_app boolean     NOT NULL DEFAULT true,
    ADD COLUMN updated_at    timestamptz;

UPDATE member SET address_book = (
    SELECT coalesce(jsonb_agg(jsonb_build_object('label', '', 'address', a, 'district', '') ORDER BY n), '[]'::jsonb)
    FROM unnest(addresses) WITH ORDINALITY AS t(a, n));

-- A member's logins (a phone login, or the demo's "resident"): the phone index finds them by member.
CREATE INDEX app_user_member ON app_user (member_id) WHERE member_id IS NOT NULL;
