-- Issue 18: /recordings lists every answered call, not only those whose recording the switch reported ready, and says
-- why one has no player. The call's history row carries what the recordings list needs to say it: when the recording
-- started and stopped, or which queue had recording switched off when the call was connected.
ALTER TABLE call_record ADD COLUMN recording_started_at  timestamptz;
ALTER TABLE call_record ADD COLUMN recording_stopped_at  timestamptz;
ALTER TABLE call_record ADD COLUMN recording_skipped_for text;

-- The recordings list reads answered calls by the time they were offered, newest first.
CREATE INDEX call_record_offered ON call_record (offered_at DESC) WHERE answered_at IS NOT NULL;
