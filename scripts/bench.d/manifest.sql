-- What the driver needs to know of the loaded data set, as one JSON document (psql -tA): each
-- restaurant's id, its chef's username, its tables' ids and QR tokens and its items with their modifier
-- rules, read back from the services' schemas so the driver depends on no generator's internals.
select json_build_object('restaurants', coalesce(json_agg(r order by r.name), '[]'::json))
from (
    select r.name, r.id,
        (select u.username from auth.users u where u.restaurant_id = r.id and u.role = 'chef' limit 1) as chef,
        (select json_agg(json_build_object('id', t.id, 'qr_token', t.qr_token) order by t.table_number::int)
         from restaurant.dining_tables t where t.restaurant_id = r.id) as tables,
        (select json_agg(json_build_object('id', i.id, 'groups', coalesce((
                select json_agg(json_build_object('min', g.min_select, 'max', g.max_select, 'options', (
                        select json_agg(o.id order by o.display_order) from restaurant.modifier_options o
                        where o.restaurant_id = r.id and o.group_id = g.id)) order by g.display_order)
                from restaurant.modifier_groups g where g.restaurant_id = r.id and g.menu_item_id = i.id),
            '[]'::json)) order by i.display_order)
         from restaurant.menu_items i where i.restaurant_id = r.id) as items
    from restaurant.restaurants r
    where r.name like 'Bench Trattoria %'
) r;
