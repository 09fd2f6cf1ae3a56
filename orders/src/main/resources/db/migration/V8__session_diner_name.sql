-- The first name a diner may give when joining the table (issue 17): the others at the table see it, and
-- the bill split by items names that diner's part with it. Null: the diner gave none.
alter table session_diner add column name varchar(40);
