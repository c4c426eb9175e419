-- Orleans ADO.NET grain persistence.
--
-- A grain state is identified by seven values, all sent by the provider: the two hashes (computed by the
-- provider's IHasher, never in the database), the key parts N0/N1, the state name (GrainTypeString), the
-- key extension (NULL for none) and the ServiceId. The hashes only narrow the search; a row matches only if
-- all seven are equal, with a NULL extension matching only a NULL extension.
--
-- The version is the grain's ETag: 1 after the first write, +1 on every write or clear. Writes and clears
-- are "update ... where version = @GrainStateVersion", which READ COMMITTED re-checks under the row lock.
-- A first write (no ETag) inserts with ON CONFLICT DO NOTHING against the unique index below, so of several
-- concurrent first writers exactly one inserts and the others see a conflict (InconsistentStateException).
--
-- No length limits on the text columns. The unique index therefore holds md5 digests of the text parts
-- instead of the texts (a b-tree entry must stay below ~2.7 kB); lookups use the leading hash columns and
-- compare the full texts in the row.

CREATE TABLE orleans_storage (
    grain_id_hash      integer     NOT NULL,
    grain_type_hash    integer     NOT NULL,
    grain_id_n0        bigint      NOT NULL,
    grain_id_n1        bigint      NOT NULL,
    grain_type         text        NOT NULL,   -- the state name, e.g. "state" for Grain<T>
    grain_id_extension text,                   -- string keys, or the extension of integer/Guid keys
    service_id         text        NOT NULL,
    payload            bytea,                  -- NULL after ClearStateAsync (the row and its version stay)
    version            integer     NOT NULL,
    modified_at        timestamptz NOT NULL DEFAULT now()
);

CREATE UNIQUE INDEX orleans_storage_identity_ux ON orleans_storage
    (grain_id_hash, grain_type_hash, grain_id_n0, grain_id_n1,
     md5(grain_type), md5(grain_id_extension), md5(service_id))
    NULLS NOT DISTINCT;

-- Returns the new version, or NULL on a version conflict (the provider then throws InconsistentStateException).
CREATE FUNCTION orleans_storage_write(
    p_grain_id_hash      integer,
    p_grain_type_hash    integer,
    p_grain_id_n0        bigint,
    p_grain_id_n1        bigint,
    p_grain_type         text,
    p_grain_id_extension text,
    p_service_id         text,
    p_version            integer,
    p_payload            bytea)
RETURNS integer
LANGUAGE plpgsql
AS $$
DECLARE
    new_version integer;
BEGIN
    IF p_version IS NULL THEN
        -- First write of this grain state: only if no row exists (the unique index decides under concurrency).
        INSERT INTO orleans_storage (grain_id_hash, grain_type_hash, grain_id_n0, grain_id_n1, grain_type,
                                     grain_id_extension, service_id, payload, version, modified_at)
        VALUES (p_grain_id_hash, p_grain_type_hash, p_grain_id_n0, p_grain_id_n1, p_grain_type,
                p_grain_id_extension, p_service_id, p_payload, 1, now())
        ON CONFLICT DO NOTHING
        RETURNING version INTO new_version;
    ELSE
        -- Later writes, including the first write after a clear (payload NULL, version kept).
        UPDATE orleans_storage
        SET payload = p_payload, version = version + 1, modified_at = now()
        WHERE grain_id_hash = p_grain_id_hash
          AND grain_type_hash = p_grain_type_hash
          AND grain_id_n0 = p_grain_id_n0
          AND grain_id_n1 = p_grain_id_n1
          AND grain_type = p_grain_type
          AND grain_id_extension IS NOT DISTINCT FROM p_grain_id_extension
          AND service_id = p_service_id
          AND version = p_version
        RETURNING version INTO new_version;
    END IF;
    RETURN new_version;
END;
$$;

INSERT INTO orleansquery (querykey, querytext) VALUES
-- At most one row: payload (NULL after a clear) and version.
('ReadFromStorageKey', $q$
SELECT payload AS payloadbinary, version AS version
FROM orleans_storage
WHERE grain_id_hash = @GrainIdHash
  AND grain_type_hash = @GrainTypeHash
  AND grain_id_n0 = @GrainIdN0
  AND grain_id_n1 = @GrainIdN1
  AND grain_type = @GrainTypeString
  AND grain_id_extension IS NOT DISTINCT FROM @GrainIdExtensionString
  AND service_id = @ServiceId;
$q$),

('WriteToStorageKey', $q$
SELECT orleans_storage_write(@GrainIdHash, @GrainTypeHash, @GrainIdN0, @GrainIdN1, @GrainTypeString,
                             @GrainIdExtensionString, @ServiceId, @GrainStateVersion, @PayloadBinary)
       AS newgrainstateversion;
$q$),

-- Version-checked clear: keep the row, drop the payload, bump the version. No row on a conflict.
('ClearStorageKey', $q$
UPDATE orleans_storage
SET payload = NULL, version = version + 1, modified_at = now()
WHERE grain_id_hash = @GrainIdHash
  AND grain_type_hash = @GrainTypeHash
  AND grain_id_n0 = @GrainIdN0
  AND grain_id_n1 = @GrainIdN1
  AND grain_type = @GrainTypeString
  AND grain_id_extension IS NOT DISTINCT FROM @GrainIdExtensionString
  AND service_id = @ServiceId
  AND version = @GrainStateVersion
RETURNING version;
$q$),

-- Version-checked delete (DeleteStateOnClear=true). Returns old version + 1, or no row on a conflict.
('DeleteStorageKey', $q$
DELETE FROM orleans_storage
WHERE grain_id_hash = @GrainIdHash
  AND grain_type_hash = @GrainTypeHash
  AND grain_id_n0 = @GrainIdN0
  AND grain_id_n1 = @GrainIdN1
  AND grain_type = @GrainTypeString
  AND grain_id_extension IS NOT DISTINCT FROM @GrainIdExtensionString
  AND service_id = @ServiceId
  AND version = @GrainStateVersion
RETURNING version + 1;
$q$);
