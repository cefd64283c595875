-- A campaign's reversal walks the campaign's own credits in id order, a batch at a time (id > cursor and
-- id <= batch end), instead of the incident's impacts: this index gives each batch without reading the others.
create index credit_campaign_walk_ix on credit (campaign_id, id);
-- A top-up adds, per subscriber, what the tier already gave them: found by tier and subscriber.
create index credit_tier_subscriber_ix on credit (campaign_tier_id, subscriber_id);
