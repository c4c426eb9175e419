-- The supervisor seat's audit trail (班长席审计): every monitor, whisper, barge, leave, force release and forced agent
-- state, with who did it, to whom, when and why. Rows are written in the transaction of the call's or agent's event.
CREATE TABLE supervisor_audit (
    id           bigserial PRIMARY KEY,
    at           timestamptz NOT NULL,
    supervisor   text NOT NULL,          -- the supervisor's login
    action       text NOT NULL,          -- listen, whisper, barge, leave, force-release, force-state:<state>
    target_agent text,                   -- the agent whose call or seat it was
    call_id      text,
    reason       text                    -- required for every action but leave
);
CREATE INDEX supervisor_audit_at ON supervisor_audit (at DESC);
CREATE INDEX supervisor_audit_agent ON supervisor_audit (target_agent, at DESC);
