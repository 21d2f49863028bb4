-- The text that search matches, one row per searchable record, kept up to date by the search area
-- from the events of the areas that own the records. Results show title, description and body.
-- The *_terms columns are the same text after accent folding in Java, and the
-- database derives the weighted text-search vector from them.
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
    search_vector     tsvector generated always as (
        setweight(to_tsvector('english'::regconfig, title_terms), 'A')
        || setweight(to_tsvector('english'::regconfig, description_terms), 'B')
        || setweight(to_tsvector('english'::regconfig, body_terms), 'C')) stored,
    constraint search_documents_pk primary key (resource_type, resource_id),
    constraint search_documents_type_check check (resource_type in ('item', 'media', 'file'))
);

-- The GIN index serves matching, the owner index the caller's own records, and the primary key
-- the records that others shared with the caller.
create index search_documents_vector_idx on search_documents using gin (search_vector);
create index search_documents_owner_idx on search_documents (owner_id, resource_type);

-- Records that exist before search does. NOTE: this copy lowercases and splits words in SQL but
-- does not fold accents, and leaves item content out, so such a record matches fully only after
-- its next change re-sends its text.
insert into search_documents (resource_type, resource_id, owner_id, title, description, body, created_at,
                              title_terms, description_terms, body_terms)
select 'item', id, user_id, title, description, null, created_at,
       btrim(regexp_replace(lower(title), '[^[:alnum:]]+', ' ', 'g')),
       btrim(regexp_replace(lower(coalesce(description, '')), '[^[:alnum:]]+', ' ', 'g')), ''
from items;

insert into search_documents (resource_type, resource_id, owner_id, title, description, body, created_at,
                              title_terms, description_terms, body_terms)
select 'file', f.id, f.user_id, f.original_filename, f.description, tag_list.body, f.created_at,
       btrim(regexp_replace(lower(f.original_filename), '[^[:alnum:]]+', ' ', 'g')),
       btrim(regexp_replace(lower(coalesce(f.description, '')), '[^[:alnum:]]+', ' ', 'g')),
       btrim(regexp_replace(lower(coalesce(tag_list.body, '')), '[^[:alnum:]]+', ' ', 'g'))
from files f
cross join lateral (select string_agg(tag, ', ') as body from jsonb_array_elements_text(f.tags) tag) tag_list;

insert into search_documents (resource_type, resource_id, owner_id, title, description, body, created_at,
                              title_terms, description_terms, body_terms)
select 'media', id, user_id, original_filename, null, null, created_at,
       btrim(regexp_replace(lower(original_filename), '[^[:alnum:]]+', ' ', 'g')), '', ''
from media;
