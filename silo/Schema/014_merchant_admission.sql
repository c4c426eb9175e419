-- Merchant admission and exit (加盟 / 准入与退出): applications, reviews, industry lists and the automatic standing
-- rules write these columns through MerchantGrain. Every status change keeps a history row with its reason and actor.
CREATE SEQUENCE merchant_number START 1001;

ALTER TABLE merchant
    ADD COLUMN contact_name               text,
    ADD COLUMN status_reason              text,
    ADD COLUMN listed                     text CHECK (listed IN ('Red', 'Black')),
    ADD COLUMN awaiting_exit_confirmation boolean NOT NULL DEFAULT false,
    ADD COLUMN documents                  jsonb NOT NULL DEFAULT '[]',
    ADD COLUMN applied_at                 timestamptz;

-- A code may apply again after its earlier application was rejected or its merchant exited.
ALTER TABLE merchant DROP CONSTRAINT merchant_credit_code_key;
CREATE UNIQUE INDEX merchant_credit_code_current ON merchant (credit_code) WHERE status NOT IN ('Rejected', 'Exited');
CREATE INDEX merchant_status ON merchant (status);

CREATE TABLE merchant_status_change (
    id          bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    merchant_id text NOT NULL REFERENCES merchant (id),
    at          timestamptz NOT NULL,
    from_status text NOT NULL,
    to_status   text NOT NULL,
    reason      text NOT NULL,
    actor       text NOT NULL
);
CREATE INDEX merchant_status_change_merchant ON merchant_status_change (merchant_id, at);
