-- What the request carrying the key asked for (SHA-256 of its body): a key reused with another body is
-- refused (422) instead of answering an order the client did not mean. Null for keys claimed before.
alter table idempotency_key add column request_hash varchar(64);
