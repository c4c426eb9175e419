-- The member center's orders (会员自助管理): a resident's web rating may carry quick verdicts from a fixed set (准时, 专业 …).
-- Older reviews have none.
ALTER TABLE service_review ADD COLUMN IF NOT EXISTS tags text[] NOT NULL DEFAULT '{}';
