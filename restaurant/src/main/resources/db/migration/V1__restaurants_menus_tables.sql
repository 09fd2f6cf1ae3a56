-- Restaurant service schema: restaurants, their menus (categories, items, modifier groups and
-- options), tables with QR tokens, and uploaded images. Every tenant-owned row carries
-- restaurant_id and its indexes lead with it.

create table restaurants (
    id                               uuid primary key,
    name                             text not null,
    address                          text,
    phone                            text,
    email                            text,
    description                      text,
    logo_image_id                    uuid,
    currency                         text not null,
    time_zone                        text not null,
    is_active                        boolean not null default true,
    subscription_plan                text not null,
    subscription_status              text not null,
    order_confirmation_required      boolean not null default true,
    service_request_cooldown_seconds integer not null default 120,
    created_at                       timestamptz not null,
    updated_at                       timestamptz not null
);
create index restaurants_created_idx on restaurants (created_at, id);

-- Bytes live in PostgreSQL so tenancy, backups and deletion need nothing beside the database.
create table images (
    id            uuid primary key,
    restaurant_id uuid not null references restaurants (id) on delete cascade,
    content_type  text not null,
    size_bytes    integer not null,
    sha256        text not null,
    bytes         bytea not null,
    created_at    timestamptz not null
);
create index images_restaurant_idx on images (restaurant_id, id);

create table categories (
    id            uuid primary key,
    restaurant_id uuid not null references restaurants (id) on delete cascade,
    name          text not null,
    description   text,
    display_order integer not null default 0,
    created_at    timestamptz not null,
    updated_at    timestamptz not null
);
create unique index categories_name_uq on categories (restaurant_id, lower(name));
create index categories_order_idx on categories (restaurant_id, display_order, name);

create table menu_items (
    id                  uuid primary key,
    restaurant_id       uuid not null references restaurants (id) on delete cascade,
    category_id         uuid not null references categories (id),
    name                text not null,
    description         text,
    price               numeric(12, 2) not null check (price >= 0),
    image_id            uuid,
    is_available        boolean not null default true,
    preparation_minutes integer,
    dietary_tags        text not null default '',
    allergens           text not null default '',
    display_order       integer not null default 0,
    created_at          timestamptz not null,
    updated_at          timestamptz not null
);
create index menu_items_category_idx on menu_items (restaurant_id, category_id, display_order, name);

create table modifier_groups (
    id            uuid primary key,
    restaurant_id uuid not null references restaurants (id) on delete cascade,
    menu_item_id  uuid not null references menu_items (id) on delete cascade,
    name          text not null,
    min_select    integer not null check (min_select >= 0),
    max_select    integer not null check (max_select >= 1 and max_select >= min_select),
    display_order integer not null default 0
);
create index modifier_groups_item_idx on modifier_groups (restaurant_id, menu_item_id, display_order);

create table modifier_options (
    id            uuid primary key,
    restaurant_id uuid not null references restaurants (id) on delete cascade,
    group_id      uuid not null references modifier_groups (id) on delete cascade,
    name          text not null,
    price_delta   numeric(12, 2) not null check (price_delta >= 0),
    display_order integer not null default 0
);
create index modifier_options_group_idx on modifier_options (restaurant_id, group_id, display_order);

-- "tables" would shadow the SQL keyword in people's heads; these are the dining room's tables.
create table dining_tables (
    id             uuid primary key,
    restaurant_id  uuid not null references restaurants (id) on delete cascade,
    table_number   text not null,
    label          text,
    capacity       integer not null check (capacity >= 1),
    status         text not null,
    zone           text,
    is_active      boolean not null default true,
    qr_token       text not null,
    created_at     timestamptz not null,
    updated_at     timestamptz not null
);
create unique index dining_tables_number_uq on dining_tables (restaurant_id, lower(table_number));
create unique index dining_tables_qr_token_uq on dining_tables (qr_token);
