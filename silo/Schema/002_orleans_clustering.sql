-- Orleans ADO.NET clustering (silo membership table and client gateway list).
--
-- One version row per deployment (ClusterOptions.ClusterId) and one row per silo incarnation
-- (address, port, generation). The version is Orleans' table etag: every membership insert or update
-- checks that the stored version equals the version the caller read (@Version) and adds exactly one,
-- in the same statement as the row change. Heartbeats (UpdateIAmAlivetimeKey) and cleanups do not
-- touch the version.
--
-- Atomicity: the versioned writes are PL/pgSQL functions that first lock the version row with
-- SELECT ... FOR UPDATE on "version = @Version", then change the member row, and only then bump the
-- version. Nothing is written unless the version matched, and a conflict on the member row returns 0
-- before the version is touched, so "false" always means "nothing changed". No ASSERT and no
-- subtransactions are used (plpgsql.check_asserts=off cannot break it). Because every versioned write
-- holds the deployment's version row lock, member inserts and updates of one deployment are serialized.

CREATE TABLE orleans_membership_version (
    deployment_id text        PRIMARY KEY,
    version       integer     NOT NULL DEFAULT 0,
    changed_at    timestamptz NOT NULL DEFAULT now()
);

CREATE TABLE orleans_membership (
    deployment_id   text        NOT NULL REFERENCES orleans_membership_version (deployment_id) ON DELETE CASCADE,
    address         text        NOT NULL,
    port            integer     NOT NULL,
    generation      integer     NOT NULL,
    silo_name       text,
    host_name       text,
    status          integer     NOT NULL,   -- SiloStatus: 1 Created, 2 Joining, 3 Active, 4 ShuttingDown, 5 Stopping, 6 Dead
    proxy_port      integer     NOT NULL DEFAULT 0,   -- 0: the silo has no gateway
    suspect_times   text,                   -- opaque "silo,time|silo,time" list, written and parsed by Orleans
    start_time      timestamptz NOT NULL,
    i_am_alive_time timestamptz NOT NULL,
    PRIMARY KEY (deployment_id, address, port, generation)
);

-- Versioned insert of a new silo row. Returns 1 when the version matched and the row was new,
-- otherwise 0 with nothing changed.
CREATE FUNCTION orleans_membership_insert(
    p_deployment_id   text,
    p_address         text,
    p_port            integer,
    p_generation      integer,
    p_silo_name       text,
    p_host_name       text,
    p_status          integer,
    p_proxy_port      integer,
    p_start_time      timestamptz,
    p_i_am_alive_time timestamptz,
    p_version         integer)
RETURNS integer
LANGUAGE plpgsql
AS $$
BEGIN
    PERFORM 1
    FROM orleans_membership_version
    WHERE deployment_id = p_deployment_id AND version = p_version
    FOR UPDATE;
    IF NOT FOUND THEN
        RETURN 0;   -- stale version or unknown deployment
    END IF;

    INSERT INTO orleans_membership (deployment_id, address, port, generation, silo_name, host_name,
                                    status, proxy_port, suspect_times, start_time, i_am_alive_time)
    VALUES (p_deployment_id, p_address, p_port, p_generation, p_silo_name, p_host_name,
            p_status, coalesce(p_proxy_port, 0), NULL, p_start_time, p_i_am_alive_time)
    ON CONFLICT (deployment_id, address, port, generation) DO NOTHING;
    IF NOT FOUND THEN
        RETURN 0;   -- this silo incarnation already has a row
    END IF;

    UPDATE orleans_membership_version
    SET version = version + 1, changed_at = now()
    WHERE deployment_id = p_deployment_id;
    RETURN 1;
END;
$$;

-- Versioned update of an existing silo row (status, suspicions, heartbeat). Returns 1 or 0 as above.
CREATE FUNCTION orleans_membership_update(
    p_deployment_id   text,
    p_address         text,
    p_port            integer,
    p_generation      integer,
    p_status          integer,
    p_suspect_times   text,
    p_i_am_alive_time timestamptz,
    p_version         integer)
RETURNS integer
LANGUAGE plpgsql
AS $$
BEGIN
    PERFORM 1
    FROM orleans_membership_version
    WHERE deployment_id = p_deployment_id AND version = p_version
    FOR UPDATE;
    IF NOT FOUND THEN
        RETURN 0;
    END IF;

    UPDATE orleans_membership
    SET status = p_status, suspect_times = p_suspect_times, i_am_alive_time = p_i_am_alive_time
    WHERE deployment_id = p_deployment_id AND address = p_address AND port = p_port AND generation = p_generation;
    IF NOT FOUND THEN
        RETURN 0;   -- no such silo row
    END IF;

    UPDATE orleans_membership_version
    SET version = version + 1, changed_at = now()
    WHERE deployment_id = p_deployment_id;
    RETURN 1;
END;
$$;

INSERT INTO orleansquery (querykey, querytext) VALUES
-- Create the deployment's version row once; concurrent silos never fail. One row: 1 inserted, 0 existed.
('InsertMembershipVersionKey', $q$
WITH inserted AS (
    INSERT INTO orleans_membership_version (deployment_id) VALUES (@DeploymentId)
    ON CONFLICT (deployment_id) DO NOTHING
    RETURNING 1)
SELECT count(*)::integer FROM inserted;
$q$),

-- The version on every row plus all members, in one snapshot. With no members: one row whose member columns are NULL.
('MembershipReadAllKey', $q$
SELECT v.version            AS version,
       m.address            AS address,
       m.port               AS port,
       m.generation         AS generation,
       m.silo_name          AS siloname,
       m.host_name          AS hostname,
       m.status             AS status,
       m.proxy_port         AS proxyport,
       m.suspect_times      AS suspecttimes,
       m.start_time         AS starttime,
       m.i_am_alive_time    AS iamalivetime
FROM orleans_membership_version v
LEFT JOIN orleans_membership m ON m.deployment_id = v.deployment_id
WHERE v.deployment_id = @DeploymentId;
$q$),

-- The version plus one silo's row, or one row with NULL member columns when the silo is unknown.
('MembershipReadRowKey', $q$
SELECT v.version            AS version,
       m.address            AS address,
       m.port               AS port,
       m.generation         AS generation,
       m.silo_name          AS siloname,
       m.host_name          AS hostname,
       m.status             AS status,
       m.proxy_port         AS proxyport,
       m.suspect_times      AS suspecttimes,
       m.start_time         AS starttime,
       m.i_am_alive_time    AS iamalivetime
FROM orleans_membership_version v
LEFT JOIN orleans_membership m
       ON m.deployment_id = v.deployment_id
      AND m.address = @Address AND m.port = @Port AND m.generation = @Generation
WHERE v.deployment_id = @DeploymentId;
$q$),

('InsertMembershipKey', $q$
SELECT orleans_membership_insert(@DeploymentId, @Address, @Port, @Generation, @SiloName, @HostName,
                                 @Status, @ProxyPort, @StartTime, @IAmAliveTime, @Version);
$q$),

('UpdateMembershipKey', $q$
SELECT orleans_membership_update(@DeploymentId, @Address, @Port, @Generation,
                                 @Status, @SuspectTimes, @IAmAliveTime, @Version);
$q$),

-- Heartbeat: not versioned.
('UpdateIAmAlivetimeKey', $q$
UPDATE orleans_membership
SET i_am_alive_time = @IAmAliveTime
WHERE deployment_id = @DeploymentId AND address = @Address AND port = @Port AND generation = @Generation;
$q$),

-- Gateways for clients: silos with the requested status (Active) that accept client connections.
('GatewaysQueryKey', $q$
SELECT address AS address, proxy_port AS proxyport, generation AS generation
FROM orleans_membership
WHERE deployment_id = @DeploymentId AND status = @Status AND proxy_port > 0;
$q$),

-- Removes the whole deployment (tooling and tests).
('DeleteMembershipTableEntriesKey', $q$
DELETE FROM orleans_membership WHERE deployment_id = @DeploymentId;
DELETE FROM orleans_membership_version WHERE deployment_id = @DeploymentId;
$q$),

-- Bulk cleanup (Orleans runs it only when CleanupDefunctSiloEntryKey is absent), with the same policy as the
-- per-row path: Dead rows (6) that started and last heartbeated before the cutoff and carry no suspicion vote
-- at or after it (votes are "silo,yyyy-MM-dd HH:mm:ss.fff GMT" entries). Rows in any other status are left
-- to Orleans' own failure detection, which marks them Dead first. The version is not changed.
('CleanupDefunctSiloEntriesKey', $q$
DELETE FROM orleans_membership m
WHERE m.deployment_id = @DeploymentId
  AND m.status = 6
  AND m.i_am_alive_time < @IAmAliveTime
  AND m.start_time < @IAmAliveTime
  AND NOT EXISTS (
      SELECT 1
      FROM regexp_matches(coalesce(m.suspect_times, ''),
                          '(\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2}(\.\d+)?) GMT', 'g') AS vote(parts)
      WHERE (vote.parts[1] || '+00')::timestamptz >= @IAmAliveTime);
$q$),

-- Per-row cleanup (Orleans 10.4+): the provider picked a Dead, expired row from a ReadAll and sends back
-- the values it saw. Delete it only if it is still Dead and unchanged (NULL and '' suspicions are equal).
('CleanupDefunctSiloEntryKey', $q$
DELETE FROM orleans_membership
WHERE deployment_id = @DeploymentId
  AND address = @Address AND port = @Port AND generation = @Generation
  AND status = 6
  AND start_time = @StartTime
  AND i_am_alive_time = @IAmAliveTime
  AND coalesce(suspect_times, '') = coalesce(@SuspectTimes, '');
$q$);
