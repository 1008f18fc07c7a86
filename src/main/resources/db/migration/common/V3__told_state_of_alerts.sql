-- Alimi store, version 3: what the users of a sent alert were last told by a change update (price,
-- quantity, when), so changes during an episode are measured against it across restarts. All null until
-- the first change update: the alert's own price and quantity are what was told.

ALTER TABLE alerts ADD COLUMN told_price TEXT;
ALTER TABLE alerts ADD COLUMN told_quantity BIGINT;
ALTER TABLE alerts ADD COLUMN told_at BIGINT;
