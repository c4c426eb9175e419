-- Orleans ADO.NET reminders.
--
-- One row per (ServiceId, GrainId, ReminderName). GrainId is GrainId.ToString() ("type/key").
-- grain_hash is GrainId.GetUniformHashCode() cast from uint to int, so it may be negative: the ring
-- ranges are compared as signed integers, which keeps the ring order (the cast is a rotation).
-- period is in milliseconds and may exceed int.MaxValue. version is the reminder's ETag: it changes on
-- every upsert (0, 1, 2, ...) and guards DeleteReminderRowKey.

CREATE TABLE orleans_reminder (
    service_id    text        NOT NULL,
    grain_id      text        NOT NULL,
    reminder_name text        NOT NULL,
    start_time    timestamptz NOT NULL,
    period        bigint      NOT NULL,
    grain_hash    integer     NOT NULL,
    version       integer     NOT NULL,
    PRIMARY KEY (service_id, grain_id, reminder_name)
);

-- Each silo reads the reminders of its ring range.
CREATE INDEX orleans_reminder_service_hash_ix ON orleans_reminder (service_id, grain_hash);

INSERT INTO orleansquery (querykey, querytext) VALUES
-- Insert, or replace start/period/hash and change the version. Returns the new version (the ETag).
('UpsertReminderRowKey', $q$
INSERT INTO orleans_reminder AS r (service_id, grain_id, reminder_name, start_time, period, grain_hash, version)
VALUES (@ServiceId, @GrainId, @ReminderName, @StartTime, @Period, @GrainHash, 0)
ON CONFLICT (service_id, grain_id, reminder_name) DO UPDATE
SET start_time = excluded.start_time,
    period     = excluded.period,
    grain_hash = excluded.grain_hash,
    version    = CASE WHEN r.version = 2147483647 THEN 0 ELSE r.version + 1 END
RETURNING version AS version;
$q$),

('ReadReminderRowsKey', $q$
SELECT grain_id AS grainid, reminder_name AS remindername, start_time AS starttime, period AS period, version AS version
FROM orleans_reminder
WHERE service_id = @ServiceId AND grain_id = @GrainId;
$q$),

('ReadReminderRowKey', $q$
SELECT grain_id AS grainid, reminder_name AS remindername, start_time AS starttime, period AS period, version AS version
FROM orleans_reminder
WHERE service_id = @ServiceId AND grain_id = @GrainId AND reminder_name = @ReminderName;
$q$),

-- Used when (int)begin < (int)end: the half-open range (begin, end].
('ReadRangeRows1Key', $q$
SELECT grain_id AS grainid, reminder_name AS remindername, start_time AS starttime, period AS period, version AS version
FROM orleans_reminder
WHERE service_id = @ServiceId AND grain_hash > @BeginHash AND grain_hash <= @EndHash;
$q$),

-- Used otherwise: the range wraps around the ring (begin == end means the whole ring).
('ReadRangeRows2Key', $q$
SELECT grain_id AS grainid, reminder_name AS remindername, start_time AS starttime, period AS period, version AS version
FROM orleans_reminder
WHERE service_id = @ServiceId AND (grain_hash > @BeginHash OR grain_hash <= @EndHash);
$q$),

-- Version-checked delete. One row: 1 deleted, 0 stale version or no such reminder.
('DeleteReminderRowKey', $q$
WITH deleted AS (
    DELETE FROM orleans_reminder
    WHERE service_id = @ServiceId AND grain_id = @GrainId AND reminder_name = @ReminderName AND version = @Version
    RETURNING 1)
SELECT count(*)::integer FROM deleted;
$q$),

('DeleteReminderRowsKey', $q$
DELETE FROM orleans_reminder WHERE service_id = @ServiceId;
$q$);
