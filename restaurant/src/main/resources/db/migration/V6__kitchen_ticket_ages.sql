-- When a kitchen ticket turns amber and red, set per restaurant in the console (issue 17); until then the
-- kitchen screen took them from its URL only.
alter table restaurants add column kitchen_warning_minutes integer not null default 5;
alter table restaurants add column kitchen_late_minutes integer not null default 8;
alter table restaurants add constraint restaurants_kitchen_ages_ordered
    check (kitchen_warning_minutes between 1 and 240 and kitchen_late_minutes between 2 and 480
           and kitchen_warning_minutes < kitchen_late_minutes);
