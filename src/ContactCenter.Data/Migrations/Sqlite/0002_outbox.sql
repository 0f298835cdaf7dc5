-- The transactional outbox of the consumers: events and commands written in the consumer's own
-- transaction, published by whichever worker holds the drain lease (one at a time keeps each lane in order).
CREATE TABLE outbox_message (
    seq INTEGER PRIMARY KEY AUTOINCREMENT,
    lane TEXT NOT NULL,
    type TEXT NOT NULL,
    payload TEXT NOT NULL,
    destination TEXT NULL,
    created_at TEXT NOT NULL
);

CREATE TABLE outbox_lease (
    name TEXT NOT NULL CONSTRAINT pk_outbox_lease PRIMARY KEY,
    owner TEXT NOT NULL,
    expires_at TEXT NOT NULL
);
