-- The idempotency table: one row per message a consumer has handled, inserted in the consumer's own
-- transaction. A redelivered message hits the primary key and is recognised as already processed.
-- message_id holds the application's Guid as bound by Microsoft.Data.Sqlite (36-character text).
CREATE TABLE processed_message (
    consumer TEXT NOT NULL,
    message_id TEXT NOT NULL,
    processed_at TEXT NOT NULL,
    CONSTRAINT pk_processed_message PRIMARY KEY (consumer, message_id)
) WITHOUT ROWID;
