-- A group notice's rows go to the provider in batches (SendBatchSms, SendSms with several numbers) under one out id,
-- decided and written on the rows before the request: a row claimed again after its sender died is looked up at the
-- providers by that out id and its number. The SMS log keeps the out id a message went under when it is not the row's
-- own, so reports and status queries find each number's message in a batch.
ALTER TABLE notification_outbox ADD COLUMN batch_out_id uuid;
ALTER TABLE sms_message ADD COLUMN out_id uuid; -- null: the outbox id was the out id
CREATE INDEX sms_message_out_id ON sms_message (out_id, phone) WHERE out_id IS NOT NULL;

-- The development provider's inbox holds a batch's numbers under the batch's out id.
ALTER TABLE sms_dev_inbox DROP CONSTRAINT sms_dev_inbox_pkey, ADD PRIMARY KEY (out_id, phone);
