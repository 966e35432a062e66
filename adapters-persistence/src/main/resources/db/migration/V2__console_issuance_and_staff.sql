-- Issuance passwords, console staff accounts, and the indexes the console's queries need at a
-- million certificates. Same rules as V1: one script for PostgreSQL 15 and H2 2.3 in
-- PostgreSQL mode.

-- At most one unused issuance password per login ID; only its hash is kept. Picking the
-- certificate up deletes the row, so a parallel pickup finds nothing to delete.
CREATE TABLE issuance_grant (
    login_id       VARCHAR(32)              NOT NULL,
    password_hash  VARCHAR(255)             NOT NULL,
    deadline       TIMESTAMP WITH TIME ZONE NOT NULL,
    CONSTRAINT pk_issuance_grant PRIMARY KEY (login_id),
    CONSTRAINT fk_issuance_grant_login_account FOREIGN KEY (login_id) REFERENCES login_account (login_id)
);

-- The bank's console accounts; version for optimistic locking like login_account.
CREATE TABLE staff_account (
    username                  VARCHAR(64)  NOT NULL,
    role                      VARCHAR(16)  NOT NULL,
    password_hash             VARCHAR(255) NOT NULL,
    failed_password_attempts  INTEGER      NOT NULL,
    locked                    BOOLEAN      NOT NULL,
    version                   BIGINT       NOT NULL,
    CONSTRAINT pk_staff_account PRIMARY KEY (username),
    CONSTRAINT ck_staff_account_role CHECK (role IN ('OPERATOR', 'AUDITOR')),
    CONSTRAINT ck_staff_account_attempts CHECK (failed_password_attempts >= 0)
);

-- Console search sorted by validity (the default) or by issuance, serial as the tie-breaker,
-- so that a page is read from the index instead of sorting every certificate.
-- V1 already has certificate (login_id), login_account (contract_number), renewal (login_id),
-- renewal (state, started_at) and audit_entry (at).
CREATE INDEX ix_certificate_not_after_serial ON certificate (not_after, serial);
CREATE INDEX ix_certificate_not_before_serial ON certificate (not_before, serial);
-- Sorting by status as shown (ACTIVE, EXPIRED, REVOKED, SUPERSEDED) is sorting by stored status
-- and, within it, notAfter descending: valid ACTIVE certificates come before expired ones. This
-- index serves that order and everything V1's (status, not_after) did (status equal, not_after
-- in a range: CRL, dashboard), so it replaces it.
CREATE INDEX ix_certificate_status_not_after_desc ON certificate (status, not_after DESC, serial DESC);
DROP INDEX ix_certificate_status_not_after;

-- Dashboard: renewals started, issued and ended in the last 30 days.
CREATE INDEX ix_renewal_started_at ON renewal (started_at);
CREATE INDEX ix_renewal_issued_at ON renewal (issued_at);
CREATE INDEX ix_renewal_ended_at ON renewal (ended_at);

-- Audit trail filters; seq after the exact-match columns serves "newest first" from the index.
CREATE INDEX ix_audit_entry_actor_seq ON audit_entry (actor, seq);
CREATE INDEX ix_audit_entry_action_seq ON audit_entry (action, seq);
CREATE INDEX ix_audit_entry_target ON audit_entry (target);
