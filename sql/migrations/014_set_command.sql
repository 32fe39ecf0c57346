-- The sets one `set add` command logged, so that `set undo --command` removes them
-- together: set add stores its transaction's id on each set it inserts (one command is
-- one transaction). Null for sets written otherwise (imports, and sets logged before
-- this migration): each of those is a command of its own. xid8 never wraps around.
-- Adding a nullable column with no default rewrites nothing.
ALTER TABLE workout_log ADD COLUMN command_xact xid8;
