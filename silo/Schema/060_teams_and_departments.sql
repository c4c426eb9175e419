-- Issue 16: teams (班组) and departments (部门) as back-office records, changed through the call-center directory grain
-- (aggregate call_team) and the departments grain (aggregate department), each change an event with its audit line.

-- A team of seats led by a supervisor (a staff login with the Supervisor role). agent.team_id and app_user.team_id name it.
CREATE TABLE call_team (
    id               text PRIMARY KEY,
    name             text NOT NULL,
    supervisor_login text,
    active           boolean NOT NULL DEFAULT true,
    updated_at       timestamptz
);
-- Team ids typed freely before teams were records become teams, so seats and accounts keep naming something real; they
-- have no supervisor until an admin gives them one (saving such a team asks for it).
INSERT INTO call_team (id, name)
SELECT DISTINCT team_id, team_id FROM (SELECT team_id FROM agent UNION SELECT team_id FROM app_user) used
WHERE team_id IS NOT NULL AND team_id <> ''
ON CONFLICT (id) DO NOTHING;

-- The departments complaints are assigned and requests forwarded to (转办), as "department:{code}" on the order. The three
-- every center had as a fixed list are configuration, not demo data: orders that name them keep their names.
CREATE TABLE department (
    code       text PRIMARY KEY,
    name_zh    text NOT NULL,
    name_en    text NOT NULL,
    active     boolean NOT NULL DEFAULT true,
    sort_order integer NOT NULL,
    updated_at timestamptz
);
INSERT INTO department (code, name_zh, name_en, sort_order) VALUES
    ('quality', '质量监督部', 'Quality Supervision', 1),
    ('customer-service', '客户服务部', 'Customer Service', 2),
    ('market', '市场发展部', 'Market Development', 3);
