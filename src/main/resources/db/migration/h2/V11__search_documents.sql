-- The text that search matches, one row per searchable record, kept up to date by the search area
-- from the events of the areas that own the records. Results show title, description and body.
-- The *_terms columns are the same text after accent folding in Java, from which the
-- Lucene index under the data directory is built (and rebuilt when it is missing).
create table search_documents (
    resource_type     varchar(20) not null,
    resource_id       bigint not null,
    owner_id          bigint not null references users (id) on delete cascade,
    title             text not null,
    description       text,
    body              text,
    created_at        timestamp with time zone not null,
    title_terms       text not null,
    description_terms text not null,
    body_terms        text not null,
    constraint search_documents_pk primary key (resource_type, resource_id),
    constraint search_documents_type_check check (resource_type in ('item', 'media', 'file'))
);

create index search_documents_owner_idx on search_documents (owner_id, resource_type);
