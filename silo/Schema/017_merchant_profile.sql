-- A merchant's own profile edits (商户信息管理): business hours join the columns it already keeps.
ALTER TABLE merchant ADD COLUMN business_hours text;
