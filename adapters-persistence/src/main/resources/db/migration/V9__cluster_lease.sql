-- One row per cluster-wide task (ClusterLeasePort): the node holding its lease and until when. A node takes
-- it with one conditional UPDATE (free, expired or its own), so two nodes never both hold an unexpired lease.
-- V9, not V8: V8 is taken by another change in flight.
CREATE TABLE cluster_lease (
    task        VARCHAR(64)              NOT NULL,
    holder      VARCHAR(255)             NOT NULL,
    expires_at  TIMESTAMP WITH TIME ZONE NOT NULL,
    taken_at    TIMESTAMP WITH TIME ZONE NOT NULL,
    CONSTRAINT pk_cluster_lease PRIMARY KEY (task)
);
