-- API keys in the back office (接口密钥): the partner a key speaks for, its expiry (a rotation moves it to the end of the
-- overlap), why it was revoked, the keys before and after a rotation, and its last use (written by the key grain about
-- once a minute, not per request).
ALTER TABLE api_key
    ADD COLUMN partner_id     text,
    ADD COLUMN expires_at     timestamptz,
    ADD COLUMN last_used_at   timestamptz,
    ADD COLUMN revoked_reason text,
    ADD COLUMN rotated_to     text,
    ADD COLUMN rotated_from   text;

-- Partner keys issued before partner ids speak for their own key id (the key grain reads them so too).
UPDATE api_key SET partner_id = key_id WHERE kind = 'partner' AND partner_id IS NULL;

CREATE INDEX api_key_newest ON api_key (created_at DESC, key_id);
