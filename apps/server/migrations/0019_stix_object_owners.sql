-- STIX object ownership and granular TLP.
--
-- An object belongs to the organisation whose caller first stored its id (`created_by_ref` is a claim
-- inside the object, not proof); only that organisation, or the national centre with intel.manage, may
-- issue further versions. The application claims the id here before storing a version (insert ... on
-- conflict do nothing, then read the owner back, so two first writers cannot both win) and refuses
-- other organisations' versions; the trigger below keeps every stored version's owner_org_id equal to
-- the recorded owner whatever a caller passes, so no version can carry another owner.
create table stix_object_owners (
  id text primary key,
  org_id uuid references organizations(id),
  claimed_at timestamptz not null default now()
);

-- Who stored each version (the owner, or the centre acting on its object).
alter table stix_objects add column added_by_org_id uuid references organizations(id);
update stix_objects set added_by_org_id = owner_org_id;

-- Existing objects belong to the organisation that stored their first version.
insert into stix_object_owners (id, org_id)
select distinct on (id) id, owner_org_id from stix_objects order by id, date_added, version;
update stix_objects s set owner_org_id = o.org_id
from stix_object_owners o where o.id = s.id and s.owner_org_id is distinct from o.org_id;

create function stix_objects_keep_owner() returns trigger language plpgsql as $$
declare
  recorded uuid;
begin
  select org_id into recorded from stix_object_owners where id = new.id;
  if found then
    new.owner_org_id := recorded;
  elsif new.owner_org_id is not null then
    insert into stix_object_owners (id, org_id) values (new.id, new.owner_org_id) on conflict (id) do nothing;
    select org_id into recorded from stix_object_owners where id = new.id;
    new.owner_org_id := recorded;
  end if;
  return new;
end $$;

create trigger stix_objects_keep_owner before insert on stix_objects
  for each row execute function stix_objects_keep_owner();

-- The highest TLP that granular markings put on part of a version (null when none): readers below it
-- see the object with that content taken out. Kept beside `tlp` (the object-level marking) so queries
-- can tell, without reading the object, whether a reader might see less than all of it.
alter table stix_objects add column granular_tlp text check (granular_tlp in ('CLEAR', 'GREEN', 'AMBER', 'AMBER+STRICT', 'RED'));

update stix_objects s set granular_tlp = g.tlp
from (
  select o.id, o.version, (array['CLEAR', 'GREEN', 'AMBER', 'AMBER+STRICT', 'RED'])[max(case m->>'marking_ref'
      when 'marking-definition--94868c89-83c2-464b-929b-a1a8aa3c8487' then 1
      when 'marking-definition--613f2e26-407d-48c7-9eca-b8e91df99dc9' then 1
      when 'marking-definition--bab4a63c-aed9-4cf5-a766-dfca5abac2bb' then 2
      when 'marking-definition--34098fce-860f-48ae-8e50-ebd3cc5e41da' then 2
      when 'marking-definition--55d920b0-5e8b-4f79-9ee9-91f868d9b421' then 3
      when 'marking-definition--f88d31f6-486f-44da-b317-01333bde0b82' then 3
      when 'marking-definition--939a9414-2ddd-4d32-a0cd-375ea402b003' then 4
      when 'marking-definition--e828b379-4e03-4974-9ac4-e53a884c97c1' then 5
      when 'marking-definition--5e57c739-391a-4eb3-b6be-7d15ca92d5ed' then 5
    end)] as tlp
  from stix_objects o
    cross join lateral jsonb_array_elements(case when jsonb_typeof(o.object->'granular_markings') = 'array' then o.object->'granular_markings' else '[]'::jsonb end) m
  where jsonb_typeof(m) = 'object'
  group by o.id, o.version
) g
where g.id = s.id and g.version = s.version and g.tlp is not null;

-- Text search reads what every reader of an object may see: content marked above GREEN in an object
-- that GREEN readers see is left out of it (the application builds it so from now on). Rows stored
-- before cannot be redacted here, so they lose their search text rather than answer for hidden words.
update stix_objects set search_folded = ''
where granular_tlp in ('AMBER', 'AMBER+STRICT', 'RED') and coalesce(tlp, 'CLEAR') in ('CLEAR', 'GREEN');
