-- Uploaded qualification documents (资质文件): checked for size and type (by their first bytes, not the name) before they
-- are kept; an application claims the files it lists, so a file cannot be attached to two merchants.
CREATE TABLE uploaded_file (
    id           uuid PRIMARY KEY DEFAULT gen_random_uuid(),
    purpose      text NOT NULL,
    file_name    text NOT NULL,
    content_type text NOT NULL,
    size_bytes   integer NOT NULL,
    sha256       text NOT NULL,
    content      bytea NOT NULL,
    uploaded_at  timestamptz NOT NULL DEFAULT now(),
    claimed_by   text
);
