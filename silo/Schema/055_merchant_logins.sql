-- Merchants' logins (the administrator's, made when the application is approved, and the dispatchers' and workers' it
-- makes): a merchant lists its own by merchant_id, and a worker has at most one login.
CREATE INDEX app_user_merchant ON app_user (merchant_id) WHERE merchant_id IS NOT NULL;
CREATE UNIQUE INDEX app_user_worker ON app_user (worker_id) WHERE worker_id IS NOT NULL;
