-- A digest being sent is leased (CI caught two server processes mailing one digest twice: the second
-- read it still pending after the first had claimed it, and claimed it again at the next attempt count).
-- A claim now moves `next_attempt_at` past a lease; a process that dies mid-send leaves it to the next
-- after the lease, and a failed attempt waits a back-off.
alter table constituency_digests add column next_attempt_at timestamptz not null default now();

create index constituency_digests_due_idx on constituency_digests (next_attempt_at) where status = 'pending';
