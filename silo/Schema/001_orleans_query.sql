-- Query table of the Orleans ADO.NET providers (clustering, grain persistence, reminders).
-- The providers select from the unquoted name OrleansQuery with the columns QueryKey and QueryText,
-- which PostgreSQL folds to orleansquery / querykey / querytext. Keys are matched case-sensitively
-- and must be unique. Each later script inserts the query texts of one provider.
-- The providers cache the texts for the life of the process: after changing a row, restart the silos.

CREATE TABLE orleansquery (
    querykey  text PRIMARY KEY,
    querytext text NOT NULL
);

COMMENT ON TABLE orleansquery IS
    'SQL run by the Orleans ADO.NET providers, by key. Parameters are @Name placeholders bound by Npgsql.';
