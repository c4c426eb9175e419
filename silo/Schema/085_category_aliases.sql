-- Issue 18: the names residents use for a service (俗称: 日常保洁, 钟点工, 保姆, 阿姨 …), kept with the category's terms and
-- edited with them on the back office's catalogue page; the site's search knows each service by them too.
ALTER TABLE service_category ADD COLUMN aliases text[] NOT NULL DEFAULT '{}';
