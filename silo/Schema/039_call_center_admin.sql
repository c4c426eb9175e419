-- The back office's call-center configuration (话务配置): a seat belongs to a team (班组); seats and queues change live
-- through the directory grain, every change a new version in the event log (queue_config, agent_profile).
ALTER TABLE agent
    ADD COLUMN team_id    text,
    ADD COLUMN updated_at timestamptz;

ALTER TABLE call_queue
    ADD COLUMN updated_at timestamptz;
