-- Profiles of diners with an account (user id from auth).
create table customer_profiles (
    customer_id        uuid primary key,
    display_name       varchar(100),
    phone              varchar(30),
    dietary_tags       varchar(300) not null default '',
    allergens          varchar(300) not null default '',
    preferred_language varchar(10),
    marketing_consent  boolean      not null default false,
    created_at         timestamptz  not null,
    updated_at         timestamptz  not null
);

-- Read model of orders, built from the orders exchange. Guest orders (no customer) are kept too:
-- guests may rate their session's orders.
create table order_history (
    order_id      uuid primary key,
    restaurant_id uuid          not null,
    customer_id   uuid,
    session_id    uuid,
    table_id      uuid,
    status        varchar(20)   not null,
    total_amount  numeric(12,2) not null,
    currency      varchar(3)    not null,
    summary       varchar(1000) not null,
    item_count    int           not null,
    ordered_at    timestamptz   not null,
    updated_at    timestamptz   not null
);
create index order_history_restaurant_customer on order_history (restaurant_id, customer_id, ordered_at desc);
create index order_history_customer on order_history (customer_id, ordered_at desc);

-- Events already applied: consumers are idempotent on event_id.
create table processed_events (
    event_id     uuid primary key,
    processed_at timestamptz not null
);

create table feedback (
    id            uuid primary key,
    restaurant_id uuid          not null,
    order_id      uuid          not null unique,
    customer_id   uuid,
    guest_subject uuid,
    rating        smallint      not null check (rating between 1 and 5),
    comment       varchar(2000),
    created_at    timestamptz   not null
);
create index feedback_restaurant on feedback (restaurant_id, created_at desc);

create table loyalty_settings (
    restaurant_id   uuid primary key,
    points_per_unit numeric(8,2) not null check (points_per_unit >= 0),
    updated_at      timestamptz  not null
);

-- One line per earning; the unique key makes an order earn once, however often its event arrives.
create table loyalty_ledger (
    id            uuid primary key,
    customer_id   uuid         not null,
    restaurant_id uuid         not null,
    order_id      uuid         not null,
    points        int          not null,
    reason        varchar(30)  not null,
    created_at    timestamptz  not null,
    unique (order_id, reason)
);
create index loyalty_ledger_customer on loyalty_ledger (customer_id, created_at desc);
