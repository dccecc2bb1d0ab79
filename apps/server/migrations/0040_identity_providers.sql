-- Sign-in with the organisation's identity provider (issue 18): OpenID Connect providers managed by the
-- centre, the short-lived state of a sign-in in progress, and the link of a federated account to its
-- provider's subject. Accounts are linked by (provider, sub), never by e-mail.
create table identity_providers (
  id uuid primary key default gen_random_uuid(),
  display_name text not null,
  issuer text not null,
  client_id text not null,
  -- sealed with LACHAN_IDP_SECRETS_KEY (AES-256-GCM) when set; never returned by the API
  client_secret text not null,
  scopes jsonb not null default '["openid","email","profile"]',
  enabled boolean not null default true,
  -- ordered claim-mapping rules: [{ claim, operator, values, orgId, role }], first match wins
  rules jsonb not null default '[]',
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now()
);

-- One row per sign-in started: the state is kept only as its SHA-256, used once, for minutes, and
-- bound to the browser that started it (the SHA-256 of a cookie only that browser holds).
create table oidc_sign_in_states (
  state_hash text primary key,
  browser_hash text not null,
  provider_id uuid not null references identity_providers (id) on delete cascade,
  code_verifier text not null,
  nonce text not null,
  expires_at timestamptz not null,
  created_at timestamptz not null default now()
);
create index oidc_sign_in_states_expiry_idx on oidc_sign_in_states (expires_at);

create table user_identities (
  provider_id uuid not null references identity_providers (id) on delete cascade,
  subject text not null,
  user_id uuid not null references users (id) on delete cascade,
  created_at timestamptz not null default now(),
  last_sign_in_at timestamptz not null default now(),
  primary key (provider_id, subject)
);
create index user_identities_user_idx on user_identities (user_id);

-- How a session was opened: a federated one trusts the provider for the second factor.
alter table sessions add column sign_in_method text not null default 'password' check (sign_in_method in ('password', 'oidc'));
