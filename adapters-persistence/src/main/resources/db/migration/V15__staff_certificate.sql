-- Staff members' console client certificates (issue 13), apart from the customers' certificates: a staff
-- certificate is found only here, so it logs in no customer and renews nothing over EST, and a customer's is never
-- found here, so it logs in to no console. The DER is kept (the login accepts exactly it); the key never is.
-- current_of is the username while the certificate is its account's current one and NULL once it ended
-- (superseded, account disabled): its UNIQUE constraint lets at most one be current per account, also when two
-- security administrators issue at once (both databases allow any number of NULLs in a unique column).
CREATE TABLE staff_certificate (
    serial       VARCHAR(40)              NOT NULL,
    username     VARCHAR(64)              NOT NULL,
    not_before   TIMESTAMP WITH TIME ZONE NOT NULL,
    not_after    TIMESTAMP WITH TIME ZONE NOT NULL,
    der          BYTEA                    NOT NULL,
    current_of   VARCHAR(64),
    revoked_at   TIMESTAMP WITH TIME ZONE,
    reason       VARCHAR(32),
    CONSTRAINT pk_staff_certificate PRIMARY KEY (serial),
    CONSTRAINT uq_staff_certificate_current UNIQUE (current_of),
    CONSTRAINT fk_staff_certificate_account FOREIGN KEY (username) REFERENCES staff_account (username),
    CONSTRAINT ck_staff_certificate_serial CHECK (serial = LOWER(serial) AND serial NOT LIKE '0%'),
    CONSTRAINT ck_staff_certificate_validity CHECK (not_after > not_before),
    CONSTRAINT ck_staff_certificate_end CHECK (
        (current_of = username AND revoked_at IS NULL AND reason IS NULL)
        OR (current_of IS NULL AND revoked_at IS NOT NULL AND reason IS NOT NULL))
);
CREATE INDEX ix_staff_certificate_username ON staff_certificate (username, not_before);
