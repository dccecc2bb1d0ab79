-- Knowledge-base search: the newest version of each STIX object is marked, so searches read one row per
-- object through partial indexes instead of ranking every version.
alter table stix_objects add column is_latest boolean not null default false;

update stix_objects s set is_latest = true
where s.version = (select max(v.version) from stix_objects v where v.id = s.id);

-- The new row is marked before it is written (no second write of the row, so its index entries are
-- made once); an older version arriving late stays unmarked. Only when a newer version of a stored
-- object arrives is the previous one unmarked, after the insert (which never runs for `on conflict do
-- nothing`, so a repeated version cannot unmark the newest one).
create function stix_objects_mark_latest() returns trigger language plpgsql as $$
begin
  new.is_latest := not exists (select 1 from stix_objects where id = new.id and version >= new.version);
  return new;
end $$;

create function stix_objects_unmark_previous() returns trigger language plpgsql as $$
begin
  update stix_objects set is_latest = false where id = new.id and is_latest and version < new.version;
  return null;
end $$;

create trigger stix_objects_mark_latest before insert on stix_objects
  for each row execute function stix_objects_mark_latest();
create trigger stix_objects_unmark_previous after insert on stix_objects
  for each row when (new.is_latest) execute function stix_objects_unmark_previous();

-- Newest first, keyset-paged: (version, id) descending over the latest versions only.
create index stix_objects_latest_page_idx on stix_objects (version desc, id desc) where is_latest;
create index stix_objects_latest_type_idx on stix_objects (type, version desc, id desc) where is_latest;
-- An organisation's own objects (how AMBER and RED ones are reached by anyone but the centre).
create index stix_objects_latest_owner_idx on stix_objects (owner_org_id, version desc, id desc) where is_latest;
-- Diacritic-free substring search of names, descriptions, patterns and values.
create index stix_objects_latest_search_idx on stix_objects using gin (search_folded gin_trgm_ops) where is_latest;
-- Relationships by either end, for the object graph and the actor / technique filters.
create index stix_objects_rel_source_idx on stix_objects ((object->>'source_ref')) where is_latest and type = 'relationship';
create index stix_objects_rel_target_idx on stix_objects ((object->>'target_ref')) where is_latest and type = 'relationship';
create index stix_objects_sighting_of_idx on stix_objects ((object->>'sighting_of_ref')) where is_latest and type = 'sighting';
