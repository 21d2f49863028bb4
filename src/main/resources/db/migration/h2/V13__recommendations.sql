-- Columns that recommendations compare besides the text: an item's type, a record's tags (one per line,
-- as the owner wrote them) and when a published item was published.
alter table search_documents add column kind varchar(50);
alter table search_documents add column tags text;
alter table search_documents add column published_at timestamp with time zone;

-- The caller's recently created records, recently published items, and records of the same
-- item type, each newest first.
create index search_documents_owner_created_idx on search_documents (owner_id, created_at desc);
create index search_documents_owner_published_idx on search_documents (owner_id, published_at desc);
create index search_documents_owner_kind_idx on search_documents (owner_id, kind, created_at desc);

-- NOTE: file tags are not copied here, so files saved before this migration compare by their
-- text until their next change re-sends the tags.
update search_documents d
set kind = (select i.item_type from items i where i.id = d.resource_id),
    published_at = (select case when i.status = 'published' then i.published_at end
                    from items i where i.id = d.resource_id)
where d.resource_type = 'item';

-- When each user last opened one item, media or file. The search area writes it in batches after
-- the requests, so user_id has no foreign key: the account may be gone by then, and the search
-- area deletes a removed user's rows itself.
create table recent_views (
    user_id       bigint not null,
    resource_type varchar(20) not null,
    resource_id   bigint not null,
    viewed_at     timestamp with time zone not null,
    constraint recent_views_pk primary key (user_id, resource_type, resource_id)
);

create index recent_views_user_viewed_idx on recent_views (user_id, viewed_at desc);
