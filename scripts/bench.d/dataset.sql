-- The benchmark's data set, written straight into the services' schemas after their Flyway migrations
-- ran (scripts/bench loads it; loading it through the API would take minutes). Ids are md5 UUIDs of
-- readable names, so a run can be reproduced and read. psql variables:
--   restaurants, items (per restaurant), tables (per restaurant), password_hash (a bcrypt hash auth
--   made itself: the master admin's, so every staff account's password is the run's admin password).
-- Every item whose number is a multiple of 4 has a required "Size" (choose 1 of 2) and optional
-- "Extras" (0-3 of 4); every item 4n+1 an optional "Side" (0-1 of 2); the rest none.
\set ON_ERROR_STOP on
begin;

insert into restaurant.restaurants (id, name, address, description, currency, time_zone, is_active,
    subscription_plan, subscription_status, order_confirmation_required, service_request_cooldown_seconds,
    created_at, updated_at)
select md5('bench-restaurant-' || r)::uuid, 'Bench Trattoria ' || r, r || ' Benchmark Street',
    'A restaurant of the benchmark data set.', case when r % 3 = 0 then 'GBP' else 'EUR' end,
    case when r % 3 = 0 then 'Europe/London' else 'Europe/Rome' end, true, 'standard', 'active', false, 60,
    now(), now()
from generate_series(1, :restaurants) r;

insert into restaurant.categories (id, restaurant_id, name, display_order, created_at, updated_at)
select md5('bench-category-' || r || '-' || c)::uuid, md5('bench-restaurant-' || r)::uuid,
    (array['Antipasti', 'Pizze', 'Pasta', 'Dolci', 'Bevande'])[c], c, now(), now()
from generate_series(1, :restaurants) r, generate_series(1, 5) c;

insert into restaurant.menu_items (id, restaurant_id, category_id, name, description, price, is_available,
    preparation_minutes, dietary_tags, allergens, display_order, created_at, updated_at)
select md5('bench-item-' || r || '-' || i)::uuid, md5('bench-restaurant-' || r)::uuid,
    md5('bench-category-' || r || '-' || (i % 5 + 1))::uuid, 'Dish ' || i,
    'Dish number ' || i || ' of the benchmark menu, with a description as long as a real one.',
    5.00 + (i % 20) * 0.75, true, 5 + i % 15,
    (array['', 'vegetarian', 'vegan,gluten_free', 'spicy'])[i % 4 + 1],
    (array['cereals_gluten,milk', 'eggs', '', 'nuts,sesame', 'fish'])[i % 5 + 1], i, now(), now()
from generate_series(1, :restaurants) r, generate_series(1, :items) i;

-- groups: (item, group number, name, min, max, options)
create temporary table bench_group_shape (kind int, g int, name text, min_select int, max_select int,
    options text[], deltas numeric[]) on commit drop;
insert into bench_group_shape values
    (0, 1, 'Size', 1, 1, array['Regular', 'Large'], array[0, 2.50]),
    (0, 2, 'Extras', 0, 3, array['Basil', 'Burrata', 'Salami', 'Olives'], array[0.50, 2.50, 2.00, 1.00]),
    (1, 1, 'Side', 0, 1, array['Salad', 'Fries'], array[3.00, 3.50]);

insert into restaurant.modifier_groups (id, restaurant_id, menu_item_id, name, min_select, max_select, display_order)
select md5('bench-group-' || r || '-' || i || '-' || s.g)::uuid, md5('bench-restaurant-' || r)::uuid,
    md5('bench-item-' || r || '-' || i)::uuid, s.name, s.min_select, s.max_select, s.g
from generate_series(1, :restaurants) r, generate_series(1, :items) i
join bench_group_shape s on s.kind = i % 4;

insert into restaurant.modifier_options (id, restaurant_id, group_id, name, price_delta, display_order)
select md5('bench-option-' || r || '-' || i || '-' || s.g || '-' || o)::uuid, md5('bench-restaurant-' || r)::uuid,
    md5('bench-group-' || r || '-' || i || '-' || s.g)::uuid, s.options[o], s.deltas[o], o
from generate_series(1, :restaurants) r, generate_series(1, :items) i
join bench_group_shape s on s.kind = i % 4
cross join lateral generate_series(1, array_length(s.options, 1)) o;

insert into restaurant.dining_tables (id, restaurant_id, table_number, label, capacity, status, zone, is_active,
    qr_token, generation, created_at, updated_at)
select md5('bench-table-' || r || '-' || t)::uuid, md5('bench-restaurant-' || r)::uuid, t::text, 'Table ' || t,
    2 + t % 4, 'available', case when t <= 10 then 'Sala' else 'Terrazza' end, true,
    -- 32 characters of [a-z0-9]: what restaurant's QrCodes.plausibleToken accepts
    'bq' || substr(md5('bench-qr-' || r || '-' || t), 1, 30), 1, now(), now()
from generate_series(1, :restaurants) r, generate_series(1, :tables) t;

insert into auth.users (id, username, email, password_hash, role, restaurant_id, is_active, is_verified,
    created_at, updated_at)
select md5('bench-user-' || r || '-' || s.short)::uuid, 'bench' || r || '-' || s.short,
    'bench' || r || '-' || s.short || '@bench.tavola.local', :'password_hash', s.role,
    md5('bench-restaurant-' || r)::uuid, true, true, now(), now()
from generate_series(1, :restaurants) r,
    (values ('restaurant_admin', 'admin'), ('chef', 'chef'), ('waiter', 'waiter')) s(role, short);

commit;
analyze restaurant.restaurants, restaurant.categories, restaurant.menu_items, restaurant.modifier_groups,
    restaurant.modifier_options, restaurant.dining_tables, auth.users;
