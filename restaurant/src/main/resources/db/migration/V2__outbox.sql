-- Transactional outbox (common/README.md): written with the change, published by the relay in id order.
create table outbox_event (
    id            bigserial primary key,
    event_id      uuid         not null unique,
    restaurant_id uuid         not null,
    type          varchar(60)  not null,
    routing_key   varchar(200) not null,
    payload       jsonb        not null,
    created_at    timestamptz  not null,
    sent_at       timestamptz
);
create index outbox_event_unsent on outbox_event (id) where sent_at is null;
create index outbox_event_restaurant on outbox_event (restaurant_id, created_at);
