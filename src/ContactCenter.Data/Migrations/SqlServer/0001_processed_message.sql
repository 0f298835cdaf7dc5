-- The idempotency table: one row per message a consumer has handled, inserted in the consumer's own
-- transaction. A redelivered message hits the primary key (error 2627) and is recognised as already processed.
-- consumer is nvarchar because Dapper sends strings as nvarchar: a varchar key compared with an nvarchar
-- parameter is converted row by row instead of sought in the index.
CREATE TABLE processed_message (
    consumer nvarchar(200) NOT NULL,
    message_id uniqueidentifier NOT NULL,
    processed_at datetime2(3) NOT NULL,
    CONSTRAINT pk_processed_message PRIMARY KEY CLUSTERED (consumer, message_id)
);
