-- pgbench's ceiling runs against copies of the orders service's tables (same columns, indexes, checks
-- and foreign keys, created from the migrated schema), so it measures the same writes without touching
-- the service's rows.
\set ON_ERROR_STOP on
drop schema if exists bench_ceiling cascade;
create schema bench_ceiling;
create table bench_ceiling.table_session (like orders.table_session including all);
create table bench_ceiling.session_diner (like orders.session_diner including all,
    foreign key (session_id) references bench_ceiling.table_session (id));
create table bench_ceiling.customer_order (like orders.customer_order including all,
    foreign key (session_id) references bench_ceiling.table_session (id));
create table bench_ceiling.order_item (like orders.order_item including all,
    foreign key (order_id) references bench_ceiling.customer_order (id));
create table bench_ceiling.order_status_change (like orders.order_status_change including all,
    foreign key (order_id) references bench_ceiling.customer_order (id));
create table bench_ceiling.idempotency_key (like orders.idempotency_key including all,
    foreign key (order_id) references bench_ceiling.customer_order (id) deferrable initially deferred);
create table bench_ceiling.restaurant_profile (like orders.restaurant_profile including all);
-- the copy's ids from a sequence of its own (LIKE would keep drawing them from the service's)
create table bench_ceiling.outbox_event (like orders.outbox_event including all);
create sequence bench_ceiling.outbox_event_id_seq owned by bench_ceiling.outbox_event.id;
alter table bench_ceiling.outbox_event alter column id set default nextval('bench_ceiling.outbox_event_id_seq');
create table bench_ceiling.outbox_event_sequence (like orders.outbox_event_sequence including all);
