-- Each restaurant's last event sequence number in this outbox's stream (common/README.md, "Sequences"):
-- common's Outbox takes the next one with the outbox row, in the transaction of the change.
create table outbox_event_sequence (
    restaurant_id uuid   primary key,
    last_sequence bigint not null
);
