-- A staff account's lock-out ends by itself (growing with each lock-out in a row), instead of
-- lasting until someone edits the database. Accounts locked before this migration are unlocked.
ALTER TABLE staff_account ADD COLUMN locked_until TIMESTAMP WITH TIME ZONE;
ALTER TABLE staff_account ADD COLUMN lockouts INTEGER DEFAULT 0 NOT NULL;
ALTER TABLE staff_account DROP COLUMN locked;
