-- The back office's call-center configuration (话务配置): a seat belongs to a team (班组); seats and queues change live
-- through the directory grain, every change a new version in the event log (queue_config, agent_profile).
ALTER TABLE agent
    ADD COLUMN team_id    text,
    ADD COLUMN updated_at timestamptz;

ALTER TABLE call_queue
    ADD COLUMN updated_at timestamptz;

-- The reasons an agent may pick for not ready (示忙原因). The three every center starts with are configuration, not demo
-- data: a new center has them and its admin renames, adds or retires reasons. A retired reason stays readable in history.
CREATE TABLE not_ready_reason (
    code       text PRIMARY KEY,
    name_zh    text NOT NULL,
    name_en    text NOT NULL,
    active     boolean NOT NULL DEFAULT true,
    sort_order integer NOT NULL,
    updated_at timestamptz
);
INSERT INTO not_ready_reason (code, name_zh, name_en, sort_order) VALUES
    ('break', '休息', 'Break', 1), ('meeting', '会议', 'Meeting', 2), ('training', '培训', 'Training', 3);
