-- The idle-tab sweep (session.IdleTabs) looks at the open tabs of every restaurant, oldest first.
create index table_session_open_since on table_session (opened_at) where status = 'open';
