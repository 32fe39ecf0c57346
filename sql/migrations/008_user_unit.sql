-- Each user's unit: what a set logged without one is in, and what records, charts and
-- stats are shown in. Stored with the user, so it follows them to any machine that uses
-- the same server. A constant default adds the column without rewriting the table.
ALTER TABLE app_user ADD COLUMN unit text NOT NULL DEFAULT 'kg' CHECK (unit IN ('kg', 'lb'));
