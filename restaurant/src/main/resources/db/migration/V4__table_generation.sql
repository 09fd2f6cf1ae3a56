-- A table's generation: bumped when its QR code is replaced or the table (or its restaurant) is taken
-- out of service. Guest tokens carry the generation they were issued for; older ones are refused.
alter table dining_tables add column generation bigint not null default 1;
