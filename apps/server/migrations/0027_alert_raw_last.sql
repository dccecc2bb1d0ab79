-- A repeat folded into an alert keeps its own raw record: raw stays the first one received, raw_last
-- holds the latest repeat's (null while the alert has had none).
alter table alerts add column raw_last text;
