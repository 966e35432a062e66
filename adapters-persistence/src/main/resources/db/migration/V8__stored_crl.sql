-- The signed CRLs, so that one node signs a CRL once per change and every node serves the newest.
-- The primary key makes each CRL number unique across nodes; numbers only grow (the newest is the
-- highest), and older CRLs are deleted as newer ones are stored.
CREATE TABLE crl (
    crl_number   BIGINT                   NOT NULL,
    this_update  TIMESTAMP WITH TIME ZONE NOT NULL,
    next_update  TIMESTAMP WITH TIME ZONE NOT NULL,
    der          BYTEA                    NOT NULL,
    CONSTRAINT pk_crl PRIMARY KEY (crl_number),
    CONSTRAINT ck_crl_number CHECK (crl_number >= 0),
    CONSTRAINT ck_crl_validity CHECK (next_update > this_update)
);

-- One row whose lock is a node's turn to sign a CRL: the next node waits, then finds the CRL the
-- previous one stored and need not sign again.
CREATE TABLE crl_publication (
    id INTEGER NOT NULL,
    CONSTRAINT pk_crl_publication PRIMARY KEY (id),
    CONSTRAINT ck_crl_publication_single CHECK (id = 1)
);
INSERT INTO crl_publication (id) VALUES (1);
