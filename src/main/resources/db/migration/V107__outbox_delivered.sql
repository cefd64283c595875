-- Messages a receipt said were delivered, not yet handed to the feature that sent them (a delivered notice is a
-- contact with the subscriber). Written in the receipt's transaction, which stays small (the SMSC waits for it);
-- read and deleted thousands at a time by outbox.DeliveredMessages, in the transaction that writes the contacts.
-- No foreign key: a row lives a second or two, and each key would be one more check per receipt.
create table outbox_delivered (
    message_id bigint not null primary key,
    delivered_at timestamp(6) with time zone not null
);
