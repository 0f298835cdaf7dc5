-- The transactional outbox of the consumers: events and commands written in the consumer's own
-- transaction, published by whichever worker holds the drain lease (one at a time keeps each lane in order).
CREATE TABLE outbox_message (
    seq bigint IDENTITY(1,1) NOT NULL CONSTRAINT pk_outbox_message PRIMARY KEY CLUSTERED,
    lane nvarchar(200) NOT NULL,
    type nvarchar(300) NOT NULL,
    payload nvarchar(max) NOT NULL,
    destination nvarchar(200) NULL,
    created_at datetime2(3) NOT NULL
);

CREATE TABLE outbox_lease (
    name nvarchar(50) NOT NULL CONSTRAINT pk_outbox_lease PRIMARY KEY,
    owner nvarchar(100) NOT NULL,
    expires_at datetime2(3) NOT NULL
);
