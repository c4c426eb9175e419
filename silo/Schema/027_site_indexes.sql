-- The public site at city size (bench scenario "site": 10,000 merchants). The merchant lookup lists admitted merchants
-- best credit first (the home page's six recommended, a service's twenty, the lookup's fifty, search): without an
-- index every one of those requests read and sorted every merchant row. With it PostgreSQL walks the merchants in
-- that order and stops once it has enough that pass the status, category, district and name filters.
CREATE INDEX merchant_by_credit ON merchant (credit_score DESC, id);
