-- Where each session logged in from, for the admin API's session list (issue 7). Sessions that
-- existed before this version have no known address (null).
alter table sessions add column client_address text;
