-- Two ways a message stands in for others.
-- A message whose fate no provider would tell (state 'unknown') may go again through the other provider: the new row
-- names the provider to keep away from and the row it stands in for, so the SMS log can show both.
ALTER TABLE notification_outbox ADD COLUMN avoid_provider text, ADD COLUMN resend_of uuid;

-- Alerts to one number merged into a digest: each absorbed row points at the row that carried it.
ALTER TABLE notification_outbox ADD COLUMN merged_into uuid;
