-- Why an outage ended when no passing check ended it: its probe was removed (retired) while it was
-- down, so monitoring stopped. NULL for an outage that ended because checks passed again.
ALTER TABLE outages ADD COLUMN end_reason TEXT;
