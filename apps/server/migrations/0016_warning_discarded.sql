-- A draft or proposal that will not be issued is discarded, not deleted: a campaign or surge proposes
-- one warning at most (unique indexes on campaign_id and surge_key), so a deleted proposal would be
-- proposed again at the next detection.
alter table warnings drop constraint warnings_status_check;
alter table warnings add constraint warnings_status_check check (status in ('draft', 'proposed', 'issued', 'withdrawn', 'discarded'));
