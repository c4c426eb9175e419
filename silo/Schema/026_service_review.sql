-- Public reviews on a merchant's page (加盟企业查询): the rating that counts for an order, the reviewer's name masked,
-- the comment only when the resident wrote it on the web.
CREATE TABLE service_review (
    order_no      text PRIMARY KEY,
    merchant_id   text NOT NULL,
    worker_id     text,
    category_code text,
    reviewer      text,
    stars         integer NOT NULL CHECK (stars BETWEEN 1 AND 5),
    comment       text,
    channel       text NOT NULL,
    reviewed_at   timestamptz NOT NULL
);
CREATE INDEX service_review_merchant ON service_review (merchant_id, reviewed_at DESC);
