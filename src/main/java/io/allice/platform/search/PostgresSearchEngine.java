package io.allice.platform.search;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import io.allice.platform.shared.sharing.ResourceType;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Matches with PostgreSQL's text search. The database keeps {@code search_vector} up to date as
 * a generated column, with the title weighted A, the description B and the body C, and a GIN
 * index serves the match. Ranking is {@code ts_rank_cd} over any query word, normalized to
 * below 1, plus the layers that {@link SearchEngine} describes.
 *
 * <p>TODO: ranking reads every matching row of the caller, so a common word in an account of
 * 100,000 items (24,000 matches) took 1.4 s at p50 in bench/search on 2 busy cores. Bounding the
 * rows that are ranked, or keeping each owner's rows together, would be needed for such accounts.
 */
class PostgresSearchEngine implements SearchEngine {

    /** Weights of D, C (body), B (description) and A (title), in the order ts_rank_cd takes them. */
    private static final String WEIGHTS = "'{0.1, 0.2, 0.4, 1.0}'";
    /** ts_rank_cd normalization 32 maps a rank r to r / (r + 1). */
    private static final int RANK_BELOW_ONE = 32;

    private final JdbcClient jdbc;

    PostgresSearchEngine(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public void indexed(SearchDocument document) {
        // The generated column and its index change with the row.
    }

    @Override
    public void removed(ResourceType type, long id) {
        // The row is gone, and its index entries with it.
    }

    @Override
    public void removedOwner(long ownerId) {
        // The rows went with the account, through their foreign key.
    }

    @Override
    public void synchronize() {
        // Nothing is kept outside the table.
    }

    @Override
    public List<ScoredDocument> search(SearchQuery query, SearchScope scope, int limit) {
        TsQueries tsQueries = TsQueries.of(query);
        List<Object> parameters = new ArrayList<>(tsQueries.parameters());
        StringBuilder sql = new StringBuilder("with q as (select ")
                .append(tsQueries.any()).append(" as any_q, ")
                .append(tsQueries.all()).append(" as all_q, ")
                .append(tsQueries.phrases()).append(" as phrase_q)\n")
                .append("select ").append(columns("d")).append(",\n")
                .append("  ts_rank_cd(").append(WEIGHTS).append(", d.search_vector, q.any_q, ")
                .append(RANK_BELOW_ONE).append(")\n")
                .append("  + case when d.search_vector @@ q.all_q then 1 else 0 end\n");
        if (!query.phrases().isEmpty()) {
            sql.append("  + case when d.search_vector @@ q.phrase_q then 1 else 0 end\n");
        }
        sql.append("  as score\nfrom search_documents d, q\nwhere d.search_vector @@ q.any_q\n");

        sql.append("and (d.owner_id = ?");
        parameters.add(scope.ownerId());
        for (ResourceType type : List.of(ResourceType.ITEM, ResourceType.MEDIA, ResourceType.FILE)) {
            Set<Long> shared = scope.sharedIds(type);
            if (!shared.isEmpty()) {
                sql.append(" or (d.resource_type = ? and d.resource_id = any(?))");
                parameters.add(type.wireName());
                parameters.add(shared.toArray(Long[]::new));
            }
        }
        sql.append(")\n");
        if (scope.type() != null) {
            sql.append("and d.resource_type = ?\n");
            parameters.add(scope.type().wireName());
        }
        sql.append("order by score desc, d.created_at desc, d.resource_id desc\nlimit ?");
        parameters.add(limit);

        return jdbc.sql(sql.toString())
                .params(parameters)
                .query((row, rowNumber) -> new ScoredDocument(SearchDocumentStore.read(row, rowNumber),
                        row.getDouble("score")))
                .list();
    }

    private static String columns(String alias) {
        return List.of(SearchDocumentStore.COLUMNS.split(", ")).stream()
                .map(column -> alias + "." + column)
                .collect(Collectors.joining(", "));
    }

    /**
     * The three text-search queries as SQL expressions with their parameters. Each lexeme is a
     * folded word of letters and digits in single quotes, so the tsquery text carries no operator
     * from the input. The prefix matches both its English stem and, through the {@code simple}
     * configuration, the word as typed, so a partly typed word that is a stop word or stems
     * differently still finds the words it starts.
     */
    record TsQueries(String any, String all, String phrases, List<Object> parameters) {

        static TsQueries of(SearchQuery query) {
            List<String> words = query.allWords().stream().map(TsQueries::lexeme).toList();
            List<String> phraseTerms = new ArrayList<>(query.words().stream().map(TsQueries::lexeme).toList());
            query.phrases().forEach(phrase -> phraseTerms.add(
                    "(" + phrase.stream().map(TsQueries::lexeme).collect(Collectors.joining(" <-> ")) + ")"));

            List<Object> parameters = new ArrayList<>();
            String any = combine(String.join(" | ", words), " || ", query.prefix(), parameters);
            String all = combine(String.join(" & ", words), " && ", query.prefix(), parameters);
            String phrases = combine(String.join(" & ", phraseTerms), " && ", query.prefix(), parameters);
            return new TsQueries(any, all, phrases, parameters);
        }

        private static String combine(String english, String operator, String prefix, List<Object> parameters) {
            List<String> parts = new ArrayList<>();
            if (!english.isEmpty()) {
                parts.add("to_tsquery('english', ?)");
                parameters.add(english);
            }
            if (prefix != null) {
                parts.add("(to_tsquery('english', ?) || to_tsquery('simple', ?))");
                parameters.add(lexeme(prefix) + ":*");
                parameters.add(lexeme(prefix) + ":*");
            }
            return "(" + String.join(operator, parts) + ")";
        }

        private static String lexeme(String word) {
            return "'" + word + "'";
        }
    }
}
