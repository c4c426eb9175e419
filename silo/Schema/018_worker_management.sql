-- Service staff management (服务人员管理): workers added by their merchant get numbers from a sequence; a worker who
-- leaves is deactivated, never deleted, so their orders and ratings keep pointing at them.
CREATE SEQUENCE worker_number START 1001;
ALTER TABLE worker
    ADD COLUMN languages           text[] NOT NULL DEFAULT '{}',
    ADD COLUMN years_of_experience integer NOT NULL DEFAULT 0,
    ADD COLUMN active              boolean NOT NULL DEFAULT true;
