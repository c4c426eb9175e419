-- A worker's credentials and one-person-one-code token (一人一码). The ID number is never stored: only its mask and an
-- HMAC keyed with a server secret. qualification_expires is the health certificate's expiry.
ALTER TABLE worker
    ADD COLUMN id_number_masked        text,
    ADD COLUMN id_number_hash          text,
    ADD COLUMN id_verified_on          date,
    ADD COLUMN trainings               jsonb NOT NULL DEFAULT '[]',
    ADD COLUMN background_check_passed boolean,
    ADD COLUMN background_checked_on   date,
    ADD COLUMN code_token              text UNIQUE,
    ADD COLUMN black_listed            boolean NOT NULL DEFAULT false;
CREATE INDEX worker_id_number_hash ON worker (id_number_hash) WHERE id_number_hash IS NOT NULL;
