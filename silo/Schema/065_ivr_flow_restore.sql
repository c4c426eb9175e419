-- A version of an IVR flow may bring back an earlier one (the back office's one-click restore): which one, for the
-- version list. Null: published as edited.
ALTER TABLE ivr_flow ADD COLUMN restored_from int;
