-- The merchant lookup (加盟企业查询) reads completed orders and the average rating from the merchant row, kept by the
-- merchant's credit account as orders complete and are rated, instead of counting every order on every lookup.
ALTER TABLE merchant
    ADD COLUMN completed_orders integer NOT NULL DEFAULT 0,
    ADD COLUMN rating_count     integer NOT NULL DEFAULT 0,
    ADD COLUMN rating_sum       integer NOT NULL DEFAULT 0;
-- A database from before this change: start from what its orders say.
UPDATE merchant m SET completed_orders = t.completed, rating_count = t.rated, rating_sum = t.stars
FROM (SELECT merchant_id, count(*) FILTER (WHERE completed_at IS NOT NULL) AS completed, count(score) AS rated, coalesce(sum(score), 0) AS stars
      FROM work_order WHERE kind = 'service' AND merchant_id IS NOT NULL GROUP BY merchant_id) t
WHERE t.merchant_id = m.id;
