-- The service guide residents read per category (服务速查): what the service covers and how long it typically takes.
ALTER TABLE service_category
    ADD COLUMN description_zh text,
    ADD COLUMN description_en text,
    ADD COLUMN duration_zh    text,
    ADD COLUMN duration_en    text;
