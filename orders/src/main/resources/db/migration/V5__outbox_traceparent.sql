-- The W3C traceparent of the transaction that wrote the event: the relay publishes it as a message header,
-- so the consumers' spans join the trace of the request that caused the event (README, Observability).
alter table outbox_event add column traceparent varchar(55);
