-- Failed pickups (証明書取得) in a row per typed login ID, known or not: they slow further attempts
-- down instead of locking the ID's login. No foreign key: unknown IDs are counted too, so that the
-- answers tell nothing of which IDs exist.
CREATE TABLE pickup_failure (
    login_id         VARCHAR(32)              NOT NULL,
    failures         INTEGER                  NOT NULL,
    last_failure_at  TIMESTAMP WITH TIME ZONE NOT NULL,
    CONSTRAINT pk_pickup_failure PRIMARY KEY (login_id),
    CONSTRAINT ck_pickup_failure_count CHECK (failures > 0)
);
