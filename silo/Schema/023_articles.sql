-- The information center (信息中心): news, notices, policies and FAQ entries written by admins in Markdown. ArticleGrain
-- writes this row with each of its events; html is the sanitized rendering of markdown, made when the text changes,
-- so the public pages never render Markdown on a request. Ids come from a sequence (A1001, A1002, …).
CREATE SEQUENCE article_number START 1001;

CREATE TABLE article (
    id           text PRIMARY KEY,
    kind         text NOT NULL CHECK (kind IN ('news', 'notice', 'policy', 'faq')),
    title        text NOT NULL,
    summary      text NOT NULL DEFAULT '',
    markdown     text NOT NULL,
    html         text NOT NULL,
    published    boolean NOT NULL DEFAULT false,
    published_at timestamptz,
    created_at   timestamptz NOT NULL,
    updated_at   timestamptz NOT NULL,
    created_by   text NOT NULL
);

-- The public lists: newest first, all columns or one.
CREATE INDEX article_published ON article (published_at DESC) WHERE published;
CREATE INDEX article_kind_published ON article (kind, published_at DESC) WHERE published;
-- The admins' list: last changed first.
CREATE INDEX article_updated ON article (updated_at DESC);

-- Search is a substring match on title and summary (Chinese has no spaces between words, so no word splitting):
-- ILIKE '%…%' over title || ' ' || summary. A pg_trgm GIN index on that expression serves it once there are many
-- articles; pg_trgm ships with PostgreSQL (postgresql-contrib) and is a trusted extension, but where it cannot be
-- installed the search still works, as a scan of the published rows.
DO $$
BEGIN
    IF EXISTS (SELECT 1 FROM pg_available_extensions WHERE name = 'pg_trgm') THEN
        BEGIN
            CREATE EXTENSION IF NOT EXISTS pg_trgm;
        EXCEPTION WHEN insufficient_privilege OR feature_not_supported THEN
            RAISE NOTICE 'pg_trgm could not be installed; article search scans instead';
        END;
    END IF;
    IF EXISTS (SELECT 1 FROM pg_extension WHERE extname = 'pg_trgm') THEN
        EXECUTE 'CREATE INDEX article_search ON article USING gin ((title || '' '' || summary) gin_trgm_ops)';
    END IF;
END
$$;
