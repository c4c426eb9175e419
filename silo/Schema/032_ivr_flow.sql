-- Platform IVR flows (IVR流程), one row per version of a dialled number's flow. A call keeps the version it entered
-- with, so old versions stay readable; the current one is the highest version. The definition is the flow's JSON
-- (root menu, menus with prompt, options, timeout, retries, fallback) as the API takes it.
CREATE TABLE ivr_flow (
    dialled    text NOT NULL,
    version    int NOT NULL,
    definition jsonb NOT NULL,
    created_by text NOT NULL,
    created_at timestamptz NOT NULL,
    PRIMARY KEY (dialled, version)
);
