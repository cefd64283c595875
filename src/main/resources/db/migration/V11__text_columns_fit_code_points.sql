-- Issue 16, hole 6: text limits count characters as people do (code points: an emoji is one), while H2 counts a
-- VARCHAR's length in UTF-16 units (an emoji is two). The columns of texts people type are widened to twice their
-- limit so that a text at its limit fits on H2 too; the application still refuses anything over the limit.
alter table impact_status_change alter column reason set data type varchar(2000);
alter table contact_log_entry alter column note set data type varchar(4000);
alter table timeline_entry alter column body set data type varchar(20000);
alter table timeline_entry alter column retraction_reason set data type varchar(2000);
alter table sales_hold alter column reason set data type varchar(2000);
alter table sales_hold alter column lift_reason set data type varchar(2000);
alter table sale_violation alter column hold_reason set data type varchar(2000);
alter table credit alter column note set data type varchar(2000);
alter table credit alter column decision_reason set data type varchar(2000);
alter table campaign alter column reverse_reason set data type varchar(2000);
alter table incident alter column title set data type varchar(400);
alter table incident alter column description set data type varchar(20000);
alter table timeline_entry_revision alter column body set data type varchar(20000);
