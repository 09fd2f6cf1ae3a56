-- A guest token bound to a session that staff closed must not open or join another one: looked up by
-- the token's subject when a guest orders or opens a session.
create index session_diner_user on session_diner (user_id);
