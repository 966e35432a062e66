-- Schema of the certificate renewal system. One script for PostgreSQL 15 and H2 2.3 (in
-- PostgreSQL mode, as the app runs it): only types and constraints both accept, no partial
-- indexes, no triggers, no sequences.

CREATE TABLE contract (
    number  VARCHAR(20) NOT NULL,
    name    VARCHAR(64) NOT NULL,
    CONSTRAINT pk_contract PRIMARY KEY (number)
);

CREATE TABLE login_account (
    login_id                   VARCHAR(32)  NOT NULL,
    contract_number            VARCHAR(20)  NOT NULL,
    kind                       VARCHAR(16)  NOT NULL,
    status                     VARCHAR(16)  NOT NULL,
    failed_password_attempts   INTEGER      NOT NULL,
    current_certificate_serial VARCHAR(40),
    -- Not mapped yet: for the later password login. The adapter never overwrites it on update.
    password_hash              VARCHAR(255),
    version                    BIGINT       NOT NULL,
    CONSTRAINT pk_login_account PRIMARY KEY (login_id),
    CONSTRAINT fk_login_account_contract FOREIGN KEY (contract_number) REFERENCES contract (number),
    CONSTRAINT ck_login_account_kind CHECK (kind IN ('ADMINISTRATOR', 'USER')),
    CONSTRAINT ck_login_account_status CHECK (status IN ('ACTIVE', 'LOCKED', 'REVOKED')),
    CONSTRAINT ck_login_account_attempts CHECK (failed_password_attempts >= 0)
);
CREATE INDEX ix_login_account_contract ON login_account (contract_number);

-- serial: lower-case hexadecimal without leading zeros (SerialNumber.hex()), so that equal
-- serials are equal strings and the primary key refuses a second certificate with the same one.
CREATE TABLE certificate (
    serial              VARCHAR(40)              NOT NULL,
    login_id            VARCHAR(32)              NOT NULL,
    subject             VARCHAR(1024)            NOT NULL,
    subject_c           VARCHAR(2)               NOT NULL,
    subject_o           VARCHAR(256)             NOT NULL,
    subject_ou          VARCHAR(256)             NOT NULL,
    subject_cn          VARCHAR(256)             NOT NULL,
    issuer              VARCHAR(1024)            NOT NULL,
    not_before          TIMESTAMP WITH TIME ZONE NOT NULL,
    not_after           TIMESTAMP WITH TIME ZONE NOT NULL,
    status              VARCHAR(16)              NOT NULL,
    revocation_reason   VARCHAR(32),
    revoked_at          TIMESTAMP WITH TIME ZONE,
    der                 BYTEA                    NOT NULL,
    sha256_fingerprint  VARCHAR(64)              NOT NULL,
    version             BIGINT                   NOT NULL,
    CONSTRAINT pk_certificate PRIMARY KEY (serial),
    CONSTRAINT fk_certificate_login_account FOREIGN KEY (login_id) REFERENCES login_account (login_id),
    CONSTRAINT ck_certificate_serial CHECK (serial = LOWER(serial) AND serial NOT LIKE '0%'),
    CONSTRAINT ck_certificate_validity CHECK (not_after > not_before),
    -- EXPIRED is derived from the clock and never stored.
    CONSTRAINT ck_certificate_status CHECK (status IN ('ACTIVE', 'SUPERSEDED', 'REVOKED')),
    CONSTRAINT ck_certificate_revocation CHECK (
        (status = 'ACTIVE' AND revocation_reason IS NULL AND revoked_at IS NULL)
        OR (status <> 'ACTIVE' AND (revocation_reason IS NOT NULL OR revoked_at IS NOT NULL)))
);
CREATE INDEX ix_certificate_login_id ON certificate (login_id);
CREATE INDEX ix_certificate_status_not_after ON certificate (status, not_after);

-- Added after certificate exists: login_account and certificate refer to each other.
ALTER TABLE login_account ADD CONSTRAINT fk_login_account_current_certificate
    FOREIGN KEY (current_certificate_serial) REFERENCES certificate (serial);

-- At most one open renewal per login ID, enforced without a partial index (H2 has none):
-- open_login_id repeats login_id while the renewal is open (STARTED, AWAITING_KEY) and is NULL
-- otherwise; a UNIQUE constraint ignores NULLs, the CHECK keeps the column honest.
CREATE TABLE renewal (
    id              UUID                     NOT NULL,
    login_id        VARCHAR(32)              NOT NULL,
    state           VARCHAR(16)              NOT NULL,
    open_login_id   VARCHAR(32),
    old_serial      VARCHAR(40)              NOT NULL,
    new_serial      VARCHAR(40),
    started_at      TIMESTAMP WITH TIME ZONE NOT NULL,
    issued_at       TIMESTAMP WITH TIME ZONE,
    confirmed_at    TIMESTAMP WITH TIME ZONE,
    ended_at        TIMESTAMP WITH TIME ZONE,
    reason_code     VARCHAR(64),
    reason_message  VARCHAR,
    version         BIGINT                   NOT NULL,
    CONSTRAINT pk_renewal PRIMARY KEY (id),
    CONSTRAINT fk_renewal_login_account FOREIGN KEY (login_id) REFERENCES login_account (login_id),
    CONSTRAINT fk_renewal_old_certificate FOREIGN KEY (old_serial) REFERENCES certificate (serial),
    CONSTRAINT fk_renewal_new_certificate FOREIGN KEY (new_serial) REFERENCES certificate (serial),
    CONSTRAINT uq_renewal_open_login_id UNIQUE (open_login_id),
    -- A certificate is issued by one renewal at most.
    CONSTRAINT uq_renewal_new_serial UNIQUE (new_serial),
    CONSTRAINT ck_renewal_state CHECK (state IN ('STARTED', 'AWAITING_KEY', 'ISSUED', 'CONFIRMED', 'ABANDONED', 'FAILED')),
    CONSTRAINT ck_renewal_open_login_id CHECK (
        (state IN ('STARTED', 'AWAITING_KEY') AND open_login_id IS NOT NULL AND open_login_id = login_id)
        OR (state NOT IN ('STARTED', 'AWAITING_KEY') AND open_login_id IS NULL)),
    CONSTRAINT ck_renewal_issued CHECK (state NOT IN ('ISSUED', 'CONFIRMED') OR new_serial IS NOT NULL),
    CONSTRAINT ck_renewal_confirmed CHECK (state <> 'CONFIRMED' OR confirmed_at IS NOT NULL),
    CONSTRAINT ck_renewal_ended CHECK (state NOT IN ('ABANDONED', 'FAILED') OR (ended_at IS NOT NULL AND reason_message IS NOT NULL)),
    CONSTRAINT ck_renewal_failed CHECK (state <> 'FAILED' OR reason_code IS NOT NULL)
);
CREATE INDEX ix_renewal_login_id ON renewal (login_id);
CREATE INDEX ix_renewal_old_serial ON renewal (old_serial);
CREATE INDEX ix_renewal_state_started_at ON renewal (state, started_at);

-- Append-only audit trail, hash-chained: hash = SHA-256(prev_hash, canonical encoding of the
-- row), computed by JdbcAuditTrail. seq is assigned by the adapter from audit_head, whose single
-- row is locked (SELECT ... FOR UPDATE) by every append so that the chain stays linear.
CREATE TABLE audit_entry (
    seq        BIGINT                   NOT NULL,
    at         TIMESTAMP WITH TIME ZONE NOT NULL,
    actor      VARCHAR(255)             NOT NULL,
    action     VARCHAR(100)             NOT NULL,
    target     VARCHAR(255)             NOT NULL,
    outcome    VARCHAR(16)              NOT NULL,
    detail     VARCHAR                  NOT NULL,
    prev_hash  VARCHAR(64)              NOT NULL,
    hash       VARCHAR(64)              NOT NULL,
    CONSTRAINT pk_audit_entry PRIMARY KEY (seq),
    CONSTRAINT ck_audit_entry_seq CHECK (seq > 0)
);
CREATE INDEX ix_audit_entry_at ON audit_entry (at);

CREATE TABLE audit_head (
    id         INTEGER     NOT NULL,
    last_seq   BIGINT      NOT NULL,
    last_hash  VARCHAR(64) NOT NULL,
    CONSTRAINT pk_audit_head PRIMARY KEY (id),
    CONSTRAINT ck_audit_head_single_row CHECK (id = 1)
);
INSERT INTO audit_head (id, last_seq, last_hash)
VALUES (1, 0, '0000000000000000000000000000000000000000000000000000000000000000');
