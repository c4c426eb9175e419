-- Orders and ratings for the merchant (服务订单及评定查询): a complaint row says whom it is against and whether it was
-- upheld, so a merchant's complaint figures come from the read table; completed orders are listed by completion time.
ALTER TABLE work_order
    ADD COLUMN against_merchant_id text,
    ADD COLUMN upheld              boolean;
CREATE INDEX work_order_against_merchant ON work_order (against_merchant_id, created_at) WHERE against_merchant_id IS NOT NULL;
CREATE INDEX work_order_merchant_completed ON work_order (merchant_id, completed_at) WHERE completed_at IS NOT NULL;
