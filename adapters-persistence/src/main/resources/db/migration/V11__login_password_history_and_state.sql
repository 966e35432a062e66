-- A login ID's password state beside its hash (LoginPassword, PasswordState): whether its holder must choose a new
-- one at the next login (an administrator or the bank chose or handed it out), and the credential epoch, which
-- grows at each change by the holder and ends the sessions opened under an older one. Existing IDs: nothing
-- required, epoch 0.
ALTER TABLE login_account ADD COLUMN password_change_required BOOLEAN DEFAULT FALSE NOT NULL;
ALTER TABLE login_account ADD COLUMN credential_epoch BIGINT DEFAULT 0 NOT NULL;
ALTER TABLE login_account ADD CONSTRAINT ck_login_account_epoch CHECK (credential_epoch >= 0);

-- The hashes a login ID's password had before its current one, so that a new one is not one of the last few
-- (LoginPassword.REMEMBERED_PASSWORDS). Only salted hashes, never a password; position counts up per ID, the
-- highest is the newest, and older ones than the rule needs are deleted.
CREATE TABLE login_password_history (
    login_id       VARCHAR(32)  NOT NULL,
    position       BIGINT       NOT NULL,
    password_hash  VARCHAR(255) NOT NULL,
    CONSTRAINT pk_login_password_history PRIMARY KEY (login_id, position),
    CONSTRAINT fk_login_password_history_id FOREIGN KEY (login_id) REFERENCES login_account (login_id)
);
