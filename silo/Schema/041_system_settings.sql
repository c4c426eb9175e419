-- The center's run-time settings (系统参数) as an operator last saved them; absent until the first change, when the
-- configured values apply. One row: every silo applies its version within seconds.
CREATE TABLE system_setting (
    id         integer PRIMARY KEY CHECK (id = 1),
    version    integer NOT NULL,
    settings   jsonb NOT NULL,
    updated_at timestamptz NOT NULL,
    updated_by text NOT NULL
);
