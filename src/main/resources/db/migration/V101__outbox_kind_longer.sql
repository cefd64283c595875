-- Issue 14: the kinds RETAIL_INSTRUCTION (18 characters) and APPROVAL_PENDING need more than the 16 of V50.
alter table outbox_message alter column kind set data type varchar(32);
