-- Webhooks go only to partners that still hold a live key (WebhookAudience): the dispatcher asks for one twice a second.
CREATE INDEX api_key_live_partner ON api_key (partner_id) WHERE kind = 'partner' AND revoked_at IS NULL;
