-- Issue 16, hole 2: a console session remembers the credentials version its user signed in with; disabling,
-- demoting, re-binding to another store or a new password raises it, and every node ends older sessions on their
-- next request (the truth is here, not in one node's memory).
alter table app_user add column credentials_version integer default 0 not null;
