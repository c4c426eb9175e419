-- 红名单 becomes the honour list (issue 18). Until now red suspended a merchant like black; from now on red honours it
-- (dispatch ranks it higher) and a manual suspension (暂停接单) is its own action. A red-list entry made before this meant
-- "suspend": its suspension stands (the MerchantStatusChanged event says so), the entry itself becomes no list, and its
-- history reads as a suspension. Black-list entries keep their meaning.
UPDATE merchant SET listed = NULL WHERE listed = 'Red';

UPDATE merchant SET status_reason = 'suspended' || substr(status_reason, length('listed:red') + 1)
WHERE status_reason LIKE 'listed:red%';

UPDATE merchant_status_change SET reason = 'suspended' || substr(reason, length('listed:red') + 1)
WHERE reason LIKE 'listed:red%';
