-- Photos on a resident's web rating (服务评定): uploaded files (JPEG or PNG, metadata stripped, claimed by the order) that
-- the review lists. A photo is public only while a review lists it, so the photo address looks the id up in here (GIN).
-- Older reviews have none.
ALTER TABLE service_review ADD COLUMN IF NOT EXISTS photos uuid[] NOT NULL DEFAULT '{}';
CREATE INDEX IF NOT EXISTS service_review_photos ON service_review USING gin (photos);
-- An order's uploads are counted (at most 20) and its rating's photos checked against it by who claimed them.
CREATE INDEX IF NOT EXISTS uploaded_file_claimed_by ON uploaded_file (claimed_by, purpose) WHERE claimed_by IS NOT NULL;
