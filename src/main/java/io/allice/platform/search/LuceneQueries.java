package io.allice.platform.search;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

import io.allice.platform.shared.sharing.ResourceType;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause.Occur;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.BoostQuery;
import org.apache.lucene.search.ConstantScoreQuery;
import org.apache.lucene.search.MatchNoDocsQuery;
import org.apache.lucene.search.PhraseQuery;
import org.apache.lucene.search.PrefixQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.TermInSetQuery;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.util.BytesRef;

/**
 * Builds the Lucene query for a {@link SearchQuery}. Every query word is matched in the title
 * (boost 3), the description (2) and the body (1), scored by BM25. A constant {@link #LAYER}
 * is added once for a document with every word and once more for one with every phrase, and
 * {@link #layeredScore} turns the sum into the layered score that {@link SearchEngine} describes.
 */
final class LuceneQueries {

    /**
     * The bonus of one layer. It only works while BM25 scores stay below it, which holds for
     * queries of {@link SearchQuery#MAX_TERMS} words in practice but is not guaranteed.
     */
    static final float LAYER = 1000f;

    private static final Map<String, Float> FIELD_BOOSTS = Map.of(
            LuceneSearchEngine.TITLE, 3f, LuceneSearchEngine.DESCRIPTION, 2f, LuceneSearchEngine.BODY, 1f);

    private LuceneQueries() {
    }

    static Query of(SearchQuery query, SearchScope scope) {
        List<Query> words = new ArrayList<>();
        for (String word : query.allWords()) {
            String stem = SearchText.stem(word);
            if (stem != null) {
                words.add(inFields(field -> new TermQuery(new Term(field, stem))));
            }
        }
        if (query.prefix() != null) {
            words.add(prefixQuery(query.prefix()));
        }
        if (words.isEmpty()) {
            return new MatchNoDocsQuery("only stop words");
        }

        BooleanQuery.Builder any = new BooleanQuery.Builder();
        BooleanQuery.Builder all = new BooleanQuery.Builder();
        words.forEach(word -> any.add(word, Occur.SHOULD));
        words.forEach(word -> all.add(word, Occur.MUST));

        BooleanQuery.Builder combined = new BooleanQuery.Builder()
                .add(any.build(), Occur.MUST)
                .add(new BoostQuery(new ConstantScoreQuery(all.build()), LAYER), Occur.SHOULD)
                .add(visibility(scope), Occur.FILTER);
        if (!query.phrases().isEmpty()) {
            BooleanQuery.Builder phrases = new BooleanQuery.Builder();
            words.forEach(word -> phrases.add(word, Occur.MUST));
            query.phrases().forEach(phrase -> phrases.add(inFields(field -> phraseQuery(field, phrase)), Occur.MUST));
            combined.add(new BoostQuery(new ConstantScoreQuery(phrases.build()), LAYER), Occur.SHOULD);
        }
        if (scope.type() != null) {
            combined.add(new TermQuery(new Term(LuceneSearchEngine.TYPE, scope.type().wireName())), Occur.FILTER);
        }
        return combined.build();
    }

    /** Turns a Lucene score into whole layers plus a relevance below 1. */
    static double layeredScore(float score) {
        double layers = Math.floor(score / LAYER);
        double relevance = score - layers * LAYER;
        return layers + relevance / (relevance + 1);
    }

    /** Matches the last word as a prefix, both as typed and as stemmed, like the PostgreSQL engine. */
    private static Query prefixQuery(String prefix) {
        String stem = SearchText.stem(prefix);
        return inFields(field -> {
            BooleanQuery.Builder forms = new BooleanQuery.Builder()
                    .add(new PrefixQuery(new Term(field, prefix)), Occur.SHOULD);
            if (stem != null && !stem.equals(prefix)) {
                forms.add(new PrefixQuery(new Term(field, stem)), Occur.SHOULD);
            }
            return forms.build();
        });
    }

    /** Builds a phrase of stems. Stop words stay as gaps, because the analyzer leaves such gaps when indexing. */
    private static Query phraseQuery(String field, List<String> phrase) {
        PhraseQuery.Builder builder = new PhraseQuery.Builder();
        int added = 0;
        for (int position = 0; position < phrase.size(); position++) {
            String stem = SearchText.stem(phrase.get(position));
            if (stem != null) {
                builder.add(new Term(field, stem), position);
                added++;
            }
        }
        return added == 0 ? new MatchNoDocsQuery("a phrase of stop words") : builder.build();
    }

    private static Query inFields(java.util.function.Function<String, Query> perField) {
        BooleanQuery.Builder fields = new BooleanQuery.Builder();
        FIELD_BOOSTS.forEach((field, boost) -> fields.add(new BoostQuery(perField.apply(field), boost), Occur.SHOULD));
        return fields.build();
    }

    private static Query visibility(SearchScope scope) {
        BooleanQuery.Builder visible = new BooleanQuery.Builder()
                .add(new TermQuery(new Term(LuceneSearchEngine.OWNER, Long.toString(scope.ownerId()))), Occur.SHOULD);
        List<BytesRef> sharedKeys = new ArrayList<>();
        for (ResourceType type : List.of(ResourceType.ITEM, ResourceType.MEDIA, ResourceType.FILE)) {
            Set<Long> ids = scope.sharedIds(type);
            ids.forEach(id -> sharedKeys.add(new BytesRef(SearchDocument.keyOf(type, id))));
        }
        if (!sharedKeys.isEmpty()) {
            visible.add(new TermInSetQuery(LuceneSearchEngine.KEY, sharedKeys), Occur.SHOULD);
        }
        return visible.build();
    }
}
