-- Table sessions: the shared tab of one table. At most one open session per table, enforced here so
-- two diners ordering at the same instant cannot open two.
create table table_session (
    id            uuid primary key,
    restaurant_id uuid not null,
    table_id      uuid not null,
    table_label   varchar(100),
    status        varchar(20) not null check (status in ('open', 'completed', 'cancelled')),
    currency      varchar(3), -- known from the first quote; null while a joined table has not ordered yet
    opened_by     uuid not null,
    opened_at     timestamptz not null,
    closed_at     timestamptz
);
create unique index table_session_one_open on table_session (table_id) where status = 'open';
create index table_session_restaurant on table_session (restaurant_id, status, opened_at);

-- Who is at the table: everyone who joined or ordered in the session.
create table session_diner (
    session_id    uuid not null references table_session (id),
    user_id       uuid not null,
    restaurant_id uuid not null,
    role          varchar(20) not null,
    joined_at     timestamptz not null,
    primary key (session_id, user_id)
);
create index session_diner_restaurant on session_diner (restaurant_id, session_id);

create table customer_order (
    id              uuid primary key,
    restaurant_id   uuid not null,
    session_id      uuid references table_session (id),
    table_id        uuid,
    table_label     varchar(100),
    customer_id     uuid,
    placed_by       uuid not null,
    placed_by_role  varchar(20) not null,
    type            varchar(20) not null check (type in ('dine_in', 'takeaway')),
    status          varchar(20) not null,
    currency        varchar(3) not null,
    total_amount    numeric(12, 2) not null,
    note            varchar(500),
    created_at      timestamptz not null,
    updated_at      timestamptz not null,
    confirmed_at    timestamptz,
    preparing_at    timestamptz,
    ready_at        timestamptz,
    served_at       timestamptz,
    completed_at    timestamptz,
    cancelled_at    timestamptz
);
create index customer_order_restaurant_created on customer_order (restaurant_id, created_at);
create index customer_order_restaurant_status on customer_order (restaurant_id, status, created_at);
create index customer_order_restaurant_session on customer_order (restaurant_id, session_id);
create index customer_order_restaurant_table on customer_order (restaurant_id, table_id, created_at);
-- customers list their own orders across restaurants
create index customer_order_customer on customer_order (customer_id, created_at);

create table order_item (
    id            uuid primary key,
    order_id      uuid not null references customer_order (id),
    restaurant_id uuid not null,
    position      int not null,
    menu_item_id  uuid not null,
    name          varchar(200) not null,
    quantity      int not null check (quantity > 0),
    unit_price    numeric(12, 2) not null,
    modifiers     text not null, -- JSON array of the chosen options as priced
    note          varchar(500),
    line_total    numeric(12, 2) not null
);
create index order_item_restaurant_order on order_item (restaurant_id, order_id);

create table order_status_change (
    id            uuid primary key,
    order_id      uuid not null references customer_order (id),
    restaurant_id uuid not null,
    from_status   varchar(20),
    to_status     varchar(20) not null,
    changed_at    timestamptz not null,
    changed_by    uuid not null,
    changed_by_role varchar(20) not null
);
create index order_status_change_restaurant_order on order_status_change (restaurant_id, order_id, changed_at);

-- A retried POST with the same key returns the order the first one created.
create table idempotency_key (
    caller_id     uuid not null,
    idem_key      varchar(200) not null,
    restaurant_id uuid not null,
    -- deferred: the key is claimed first, before the order it points at is inserted
    order_id      uuid not null references customer_order (id) deferrable initially deferred,
    created_at    timestamptz not null,
    primary key (caller_id, idem_key)
);
create index idempotency_key_restaurant on idempotency_key (restaurant_id, created_at);

create table service_request (
    id            uuid primary key,
    restaurant_id uuid not null,
    session_id    uuid not null references table_session (id),
    table_id      uuid not null,
    kind          varchar(20) not null check (kind in ('waiter', 'bill')),
    requested_by  uuid not null,
    requested_at  timestamptz not null
);
create index service_request_restaurant_session on service_request (restaurant_id, session_id, requested_at);

-- What the restaurant service told us at the last quote; analytics needs the time zone.
create table restaurant_profile (
    restaurant_id uuid primary key,
    currency      varchar(3) not null,
    time_zone     varchar(64) not null,
    service_request_cooldown_seconds int not null,
    updated_at    timestamptz not null
);

-- Transactional outbox: written with the state change, published by the relay in id order.
create table outbox_event (
    id            bigserial primary key,
    event_id      uuid not null unique,
    restaurant_id uuid not null,
    type          varchar(60) not null,
    routing_key   varchar(200) not null,
    payload       jsonb not null,
    created_at    timestamptz not null,
    sent_at       timestamptz
);
create index outbox_event_unsent on outbox_event (id) where sent_at is null;
create index outbox_event_restaurant on outbox_event (restaurant_id, created_at);
