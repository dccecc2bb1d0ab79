-- Campaigns as each caller may see them (issue 12, items 6 and 7).

-- A caller outside the centre counts only the alerts of the members it may name: per campaign and organisation.
create index campaign_alerts_org_idx on campaign_alerts (campaign_id, org_id);

-- Titles are read by every member, members outside one's scope included: they name the shared value, never a count.
update campaigns set title = regexp_replace(title, ' across [0-9]+ organisations$', '') where title ~ ' across [0-9]+ organisations$';
