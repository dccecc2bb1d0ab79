-- Sign-in security (docs/adr/0008-sign-in-throttling-and-second-factor.md).

-- Failed credential attempts in fixed windows, shared by every server process. Three scopes: one
-- address against any account, one account from one address, and one account from anywhere (which
-- refuses only clients the account does not know). Accounts are keyed by lower-case e-mail, so an
-- unknown e-mail is counted exactly like a known one; the address is '' or the account is '' when unused.
create table auth_throttle (
  scope text not null check (scope in ('address', 'account_address', 'account')),
  account text not null default '',
  address text not null default '',
  failures integer not null,
  window_start timestamptz not null,
  blocked_until timestamptz,
  primary key (scope, account, address)
);
create index auth_throttle_window_idx on auth_throttle (window_start);
create index auth_throttle_account_idx on auth_throttle (account) where account <> '';

-- Clients a user completed a sign-in from: addresses, and browsers by the hash of their device cookie.
create table known_clients (
  user_id uuid not null references users (id) on delete cascade,
  kind text not null check (kind in ('address', 'device')),
  value text not null,
  last_seen_at timestamptz not null default now(),
  primary key (user_id, kind, value)
);

-- TOTP second factor (RFC 6238). enabled_at is null while an enrolment waits for its first code;
-- last_step is the newest time step accepted, so no code is accepted twice.
create table second_factors (
  user_id uuid primary key references users (id) on delete cascade,
  secret text not null,
  enabled_at timestamptz,
  last_step bigint,
  created_at timestamptz not null default now()
);

-- One-time recovery codes, stored as SHA-256 of 80 random bits.
create table recovery_codes (
  user_id uuid not null references users (id) on delete cascade,
  code_hash text not null,
  used_at timestamptz,
  primary key (user_id, code_hash)
);

-- A session opened by a correct password waits for the second factor before it reaches anything else.
alter table sessions add column stage text not null default 'complete' check (stage in ('complete', 'second_factor'));

-- The per-account lock (five failures locked the account for everyone) is replaced by auth_throttle.
alter table users drop column failed_attempts;
alter table users drop column locked_until;
