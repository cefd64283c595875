-- Issue 14: each user may switch off the e-mails that are for information only (never the update-overdue and
-- approval ones). On by default.
alter table app_user add column info_emails boolean default true not null;
