-- The statement that PostgresSearchEngine.search builds for a query by the bench user, with the
-- values inlined where the service binds parameters. run fills in the names in curly brackets.
-- Keep it in step with PostgresSearchEngine.search.
explain (analyze, buffers)
with q as (select {any_q} as any_q, {all_q} as all_q, {phrase_q} as phrase_q)
select d.resource_type, d.resource_id, d.owner_id, d.title, d.description, d.body, d.created_at, d.kind, d.tags,
  d.published_at,
  ts_rank_cd('{{0.1, 0.2, 0.4, 1.0}}', d.search_vector, q.any_q, 32)
  + case when d.search_vector @@ q.all_q then 1 else 0 end
  {phrase_score}
  as score
from search_documents d, q
where d.search_vector @@ q.any_q
and (d.owner_id = {owner})
{type_filter}
order by score desc, d.created_at desc, d.resource_id desc
limit 20;
