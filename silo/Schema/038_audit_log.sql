-- The back office's audit log (操作日志): every configuration change with who, when, from where and the values before
-- and after, and every sign-in and failed sign-in. Rows of a change are written in the transaction of its event; the
-- log is kept at least 180 days (the Cybersecurity Law's retention of network logs). Supervisors' actions stay in
-- supervisor_audit and are read together with these.
CREATE TABLE audit_log (
    id          bigserial PRIMARY KEY,
    at          timestamptz NOT NULL,
    actor       text NOT NULL,          -- "admin:alice", "system:seed", or the login that tried to sign in
    address     text,                   -- the client's address as the web host saw it
    action      text NOT NULL,          -- account.create, account.disable, signin.ok, signin.failed, …
    target_kind text NOT NULL,          -- account, api_key, queue, …
    target_id   text NOT NULL,
    before      jsonb,
    after       jsonb
);
CREATE INDEX audit_log_at ON audit_log (at DESC, id DESC);
CREATE INDEX audit_log_target ON audit_log (target_kind, target_id, at DESC);
CREATE INDEX audit_log_actor ON audit_log (actor, at DESC);

-- Staff accounts are listed, searched and paged in the back office.
ALTER TABLE app_user
    ADD COLUMN team_id    text,
    ADD COLUMN updated_at timestamptz;
CREATE INDEX app_user_display_name ON app_user (display_name);
