-- Staff accounts managed in the console (issue 13): a security administrator role, disabled
-- accounts, one-time passwords to be changed at first login, and a counter of the changes that
-- ended the account's console sessions (password changed or reset, disabled, role changed).
ALTER TABLE staff_account DROP CONSTRAINT ck_staff_account_role;
ALTER TABLE staff_account ADD CONSTRAINT ck_staff_account_role CHECK (role IN ('OPERATOR', 'AUDITOR', 'SECURITY_ADMIN'));
ALTER TABLE staff_account ADD COLUMN disabled BOOLEAN DEFAULT FALSE NOT NULL;
ALTER TABLE staff_account ADD COLUMN must_change_password BOOLEAN DEFAULT FALSE NOT NULL;
ALTER TABLE staff_account ADD COLUMN session_generation BIGINT DEFAULT 0 NOT NULL;

-- A staff account's previous password hashes, so that a new password is not one of the last ones.
CREATE TABLE staff_password_history (
    username       VARCHAR(64)              NOT NULL,
    replaced_at    TIMESTAMP WITH TIME ZONE NOT NULL,
    password_hash  VARCHAR(255)             NOT NULL,
    CONSTRAINT fk_staff_password_history_account FOREIGN KEY (username) REFERENCES staff_account (username)
);
CREATE INDEX ix_staff_password_history ON staff_password_history (username, replaced_at);
