-- Seeds the benchmark corpus into a database that the application has migrated, with psql:
--   psql -v bench_user=ID -v items_total=N -v user_items=N -v files_total=N -v user_files=N -f seed.sql
-- The bench user must exist (run registers it through the API). Other owners are created here.
--
-- Text is made of pseudo-words from a 20,000-word vocabulary, each an ASCII syllable string, and
-- words are drawn with a Zipf-like (log-uniform rank) distribution, so a few words are in most
-- records and most words in few. For such text the application's folding (SearchText.fold) is
-- lower-casing. For file names it also turns every run of other characters into a space. Before
-- it measures, run checks both rules against an item and a file created through the API.
\set ON_ERROR_STOP on
\timing on

-- Draws n words. The word of rank r (0 to 19,999) is three syllables picked by the base-40
-- digits of r, as word() in run computes it, and is drawn with a chance of about
-- 1 / ((r + 1) ln 20000). The function is volatile, so each row that calls it draws its own words.
create or replace function pg_temp.bench_words(n integer) returns text
language sql volatile as $$
    select string_agg(s[1 + r % 40] || s[1 + (r / 40) % 40] || s[1 + (r / 1600) % 40], ' ')
    from (select floor(exp(random() * ln(20000)))::int - 1 as r from generate_series(1, n)) picks,
         (select array['ba','ko','ri','te','mu','sa','lo','ne','pi','du','ga','ve','zo','ki','ra','fu','me',
                       'ta','no','li','ce','po','hu','di','ja','we','so','be','ny','ro','ma','xi','tu','le',
                       'go','fi','na','pe','da','vo'] as s) syllables
$$;

-- The other owners: 99 accounts that cannot sign in (the hash matches no password).
insert into users (username, username_key, email, email_key, password_hash, role, created_at, updated_at)
select 'bench_other_' || g, 'bench_other_' || g, 'bench_other_' || g || '@bench.test',
       'bench_other_' || g || '@bench.test', '!', 'user', now(), now()
from generate_series(1, 99) g
on conflict do nothing;

create temporary table bench_owners as
select array_agg(id order by id) as ids from users where username like 'bench_other_%';

-- The search_documents text-search index is built once after the bulk load, from the
-- definition the migration gave it, rather than updated row by row.
create temporary table bench_gin as
select pg_get_indexdef('search_documents_vector_idx'::regclass) as definition;
drop index search_documents_vector_idx;

-- Items: one in every (items_total / user_items) belongs to the bench user, so that their rows
-- are spread through the table as they would be after years of use. They were created over two years.
insert into items (user_id, title, description, content, item_type, status, metadata, created_at, updated_at,
                   published_at)
select case when g % (:items_total / :user_items) = 0 then :bench_user
            else o.ids[1 + g % 99] end,
       initcap(pg_temp.bench_words(2 + (g % 5)::int)),
       pg_temp.bench_words(12),
       jsonb_build_object('body', pg_temp.bench_words(40)),
       case when g % 3 = 0 then 'note' else 'post' end,
       case when g % 4 = 0 then 'published' else 'draft' end,
       '{}'::jsonb,
       now() - (g % 730) * interval '1 day' - (g % 86400) * interval '1 second',
       now() - (g % 730) * interval '1 day',
       case when g % 4 = 0 then now() - (g % 730) * interval '1 day' end
from generate_series(1, :items_total) g, bench_owners o;

-- Files: original names like "Kotemu-sa_17.pdf", a description and two tags.
insert into files (user_id, filename, original_filename, file_size, mime_type, description, tags, created_at,
                   updated_at)
select case when g % (:files_total / :user_files) = 0 then :bench_user
            else o.ids[1 + g % 99] end,
       'bench-' || g || '.pdf',
       replace(initcap(pg_temp.bench_words(2)), ' ', '-') || '_' || g || '.pdf',
       1024, 'application/pdf',
       pg_temp.bench_words(8),
       jsonb_build_array(pg_temp.bench_words(1), pg_temp.bench_words(1)),
       now() - (g % 730) * interval '1 day',
       now() - (g % 730) * interval '1 day'
from generate_series(1, :files_total) g, bench_owners o;

-- The search documents, filled as SearchDocument.of and SearchDocumentStore.save fill them. An
-- item's body is the text inside its content. A file's body is its tags joined by ", ", and its
-- tags column has the tags one per line. The *_terms columns contain the folded text.
insert into search_documents (resource_type, resource_id, owner_id, title, description, body, created_at,
                              title_terms, description_terms, body_terms, kind, tags, published_at)
select 'item', id, user_id, title, description, content ->> 'body', created_at,
       lower(title), lower(description), lower(content ->> 'body'), item_type, null,
       case when status = 'published' then published_at end
from items i
where not exists (select 1 from search_documents d where d.resource_type = 'item' and d.resource_id = i.id);

insert into search_documents (resource_type, resource_id, owner_id, title, description, body, created_at,
                              title_terms, description_terms, body_terms, kind, tags, published_at)
select 'file', f.id, f.user_id, f.original_filename, f.description, t.joined, f.created_at,
       btrim(regexp_replace(lower(f.original_filename), '[^a-z0-9]+', ' ', 'g')),
       lower(f.description), btrim(regexp_replace(lower(t.joined), '[^a-z0-9]+', ' ', 'g')), null, t.lines, null
from files f
cross join lateral (select string_agg(tag, ', ' order by n) as joined, string_agg(tag, E'\n' order by n) as lines
                    from jsonb_array_elements_text(f.tags) with ordinality as e(tag, n)) t
where f.filename like 'bench-%';

select definition from bench_gin \gset
:definition;

analyze users;
analyze items;
analyze files;
analyze search_documents;
