create table users (
    id             uuid primary key,
    username       varchar(50)  not null,
    email          varchar(255) not null,
    password_hash  varchar(100) not null,
    role           varchar(20)  not null
        check (role in ('master_admin', 'restaurant_admin', 'chef', 'waiter', 'customer')),
    restaurant_id  uuid,
    is_active      boolean      not null default true,
    is_verified    boolean      not null default false,
    created_at     timestamptz  not null,
    updated_at     timestamptz  not null,
    last_login_at  timestamptz,
    -- master admins belong to no restaurant, staff to exactly one, customers to none or one
    constraint users_restaurant_by_role check (
        (role = 'master_admin' and restaurant_id is null)
        or (role in ('restaurant_admin', 'chef', 'waiter') and restaurant_id is not null)
        or role = 'customer')
);
create unique index users_username_ci on users (lower(username));
create unique index users_email_ci on users (lower(email));
create index users_restaurant_role on users (restaurant_id, role);

-- Opaque refresh tokens, stored only as SHA-256 hashes. A login starts a family; each refresh retires
-- the presented token (used_at) and issues the next one in the same family.
create table refresh_tokens (
    id          uuid primary key,
    token_hash  varchar(64) not null unique,
    user_id     uuid        not null references users (id) on delete cascade,
    family_id   uuid        not null,
    created_at  timestamptz not null,
    expires_at  timestamptz not null,
    used_at     timestamptz,
    revoked_at  timestamptz
);
create index refresh_tokens_family on refresh_tokens (family_id);
create index refresh_tokens_user on refresh_tokens (user_id);
