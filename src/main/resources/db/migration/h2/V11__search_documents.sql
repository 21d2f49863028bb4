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

-- Records that exist before search does. NOTE: this copy lowercases and splits words in SQL but
-- does not fold accents, and leaves item content out, so such a record matches fully only after
-- its next change re-sends its text. The Lucene index is built from these rows at start-up.
insert into search_documents (resource_type, resource_id, owner_id, title, description, body, created_at,
                              title_terms, description_terms, body_terms)
select 'item', id, user_id, title, description, null, created_at,
       trim(regexp_replace(lower(title), '[^\p{L}\p{N}]+', ' ')),
       trim(regexp_replace(lower(coalesce(description, '')), '[^\p{L}\p{N}]+', ' ')), ''
from items;

insert into search_documents (resource_type, resource_id, owner_id, title, description, body, created_at,
                              title_terms, description_terms, body_terms)
select 'file', id, user_id, original_filename, description,
       nullif(regexp_replace(cast(tags as varchar), '[\[\]"]', ''), ''), created_at,
       trim(regexp_replace(lower(original_filename), '[^\p{L}\p{N}]+', ' ')),
       trim(regexp_replace(lower(coalesce(description, '')), '[^\p{L}\p{N}]+', ' ')),
       trim(regexp_replace(lower(cast(tags as varchar)), '[^\p{L}\p{N}]+', ' '))
from files;

insert into search_documents (resource_type, resource_id, owner_id, title, description, body, created_at,
                              title_terms, description_terms, body_terms)
select 'media', id, user_id, original_filename, null, null, created_at,
       trim(regexp_replace(lower(original_filename), '[^\p{L}\p{N}]+', ' ')), '', ''
from media;
