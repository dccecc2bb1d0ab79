-- Audit chain head: the newest link's id and hash, moved forward by the database itself with every append.
-- Deleting audit rows leaves it where it was, so a truncated tail shows, and ids are never handed out twice.
create table audit_chain_head (
  singleton boolean primary key default true check (singleton),
  last_id bigint not null,
  hash text not null,
  -- ids above this one are consecutive (earlier ones came from a sequence, with gaps from rollbacks)
  gapless_after bigint not null
);
insert into audit_chain_head (last_id, hash, gapless_after)
select n, coalesce((select hash from audit_log order by id desc limit 1), repeat('0', 64)), n
from (select greatest(coalesce((select max(id) from audit_log), 0),
                      (select case when is_called then last_value else 0 end from audit_log_id_seq)) as n) s;

-- Every append must take the next id and name the head's hash as its predecessor; the head follows it.
create function audit_log_advance_head() returns trigger language plpgsql as $$
begin
  update audit_chain_head set last_id = new.id, hash = new.hash
    where last_id = new.id - 1 and hash = new.prev_hash;
  if not found then
    raise exception 'audit_log append out of order: id % does not follow the chain head', new.id;
  end if;
  return new;
end;
$$;
create trigger audit_log_advance_head before insert on audit_log
  for each row execute function audit_log_advance_head();

create function audit_chain_head_forward_only() returns trigger language plpgsql as $$
begin
  if tg_op = 'UPDATE' and new.last_id = old.last_id + 1 and new.gapless_after = old.gapless_after then
    return new;
  end if;
  raise exception 'audit_chain_head only moves forward, one link at a time';
end;
$$;
create trigger audit_chain_head_forward_only before update or delete on audit_chain_head
  for each row execute function audit_chain_head_forward_only();
create trigger audit_chain_head_no_truncate before truncate on audit_chain_head
  for each statement execute function audit_chain_head_forward_only();

-- Ids now come from the head alone: nothing may take one from the old sequence.
alter table audit_log alter column id drop default;
drop sequence audit_log_id_seq;

-- Signed checkpoints of the chain head (Ed25519), written periodically and at shutdown; append-only.
create table audit_checkpoints (
  id bigserial primary key,
  last_id bigint not null,
  hash text not null,
  at timestamptz not null,
  key_id text not null,
  signature text not null
);
create index audit_checkpoints_last_idx on audit_checkpoints (last_id);

create function append_only() returns trigger language plpgsql as $$
begin
  raise exception '% is append-only', tg_table_name;
end;
$$;
create trigger audit_checkpoints_append_only before update or delete on audit_checkpoints
  for each row execute function append_only();
create trigger audit_checkpoints_no_truncate before truncate on audit_checkpoints
  for each statement execute function append_only();

-- Credential signals: whatever changes a session, an account, an API key or the organisation tree (a
-- service, the CLI, a merge, an operator's SQL) writes `credentials.changed` to the outbox in the same
-- transaction. Every server process hears it and re-checks its open streams and long responses.
create function credentials_changed(kind text, ids jsonb) returns void language plpgsql as $$
begin
  if jsonb_array_length(ids) > 0 then
    insert into outbox (type, audience, payload)
      values ('credentials.changed', '{"internal": true}'::jsonb, jsonb_build_object(kind, ids));
  end if;
end;
$$;

create function users_credentials_changed() returns trigger language plpgsql as $$
begin
  if tg_op = 'DELETE' then
    perform credentials_changed('userIds', (select coalesce(jsonb_agg(distinct id), '[]') from gone));
  else
    perform credentials_changed('userIds', (select coalesce(jsonb_agg(distinct n.id), '[]') from now_rows n join gone o on o.id = n.id
      where (n.status, n.role, n.org_id, n.password_hash) is distinct from (o.status, o.role, o.org_id, o.password_hash)));
  end if;
  return null;
end;
$$;
create trigger users_credentials_changed_update after update on users
  referencing old table as gone new table as now_rows for each statement execute function users_credentials_changed();
create trigger users_credentials_changed_delete after delete on users
  referencing old table as gone for each statement execute function users_credentials_changed();

create function sessions_credentials_changed() returns trigger language plpgsql as $$
begin
  perform credentials_changed('userIds', (select coalesce(jsonb_agg(distinct user_id), '[]') from gone));
  return null;
end;
$$;
create trigger sessions_credentials_changed after delete on sessions
  referencing old table as gone for each statement execute function sessions_credentials_changed();

create function api_keys_credentials_changed() returns trigger language plpgsql as $$
begin
  if tg_op = 'DELETE' then
    perform credentials_changed('apiKeyIds', (select coalesce(jsonb_agg(distinct id), '[]') from gone));
  else
    perform credentials_changed('apiKeyIds', (select coalesce(jsonb_agg(distinct n.id), '[]') from now_rows n join gone o on o.id = n.id
      where (n.revoked_at, n.role, n.org_id, n.key_hash) is distinct from (o.revoked_at, o.role, o.org_id, o.key_hash)));
  end if;
  return null;
end;
$$;
create trigger api_keys_credentials_changed_update after update on api_keys
  referencing old table as gone new table as now_rows for each statement execute function api_keys_credentials_changed();
create trigger api_keys_credentials_changed_delete after delete on api_keys
  referencing old table as gone for each statement execute function api_keys_credentials_changed();

-- The organisation tree decides every scope: a move, merge, retirement or SOC link changes what callers reach.
create function orgs_credentials_changed() returns trigger language plpgsql as $$
begin
  perform credentials_changed('orgIds', (select coalesce(jsonb_agg(distinct n.id), '[]') from now_rows n join gone o on o.id = n.id
    where (n.status, n.parent_id, n.merged_into_id) is distinct from (o.status, o.parent_id, o.merged_into_id)));
  return null;
end;
$$;
create trigger organizations_credentials_changed after update on organizations
  referencing old table as gone new table as now_rows for each statement execute function orgs_credentials_changed();

create function soc_links_credentials_changed() returns trigger language plpgsql as $$
begin
  if tg_op = 'INSERT' then
    perform credentials_changed('orgIds', (select coalesce(jsonb_agg(distinct provider_id), '[]') from now_rows));
  else
    perform credentials_changed('orgIds', (select coalesce(jsonb_agg(distinct provider_id), '[]') from gone));
  end if;
  return null;
end;
$$;
create trigger soc_links_credentials_changed_insert after insert on soc_links
  referencing new table as now_rows for each statement execute function soc_links_credentials_changed();
create trigger soc_links_credentials_changed_delete after delete on soc_links
  referencing old table as gone for each statement execute function soc_links_credentials_changed();
