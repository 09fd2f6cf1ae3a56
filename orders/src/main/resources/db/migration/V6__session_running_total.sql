-- The session's total lives on its row, changed in the transaction of each order placed or cancelled,
-- so reading or announcing a session no longer re-sums its orders (the 500th order costs what the 1st does).
alter table table_session add column total_amount numeric(12, 2) not null default 0;
update table_session s set total_amount = coalesce(
    (select sum(o.total_amount) from customer_order o where o.session_id = s.id and o.status <> 'CANCELLED'), 0);
