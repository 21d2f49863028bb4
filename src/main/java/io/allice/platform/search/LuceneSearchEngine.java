package io.allice.platform.search;

import java.io.Closeable;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import io.allice.platform.shared.sharing.ResourceType;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.StringField;
import org.apache.lucene.document.TextField;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.StoredFields;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.SearcherManager;
import org.apache.lucene.store.FSDirectory;
import org.apache.lucene.util.Bits;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Matches with a Lucene index under the data directory, for the embedded database. The index
 * is a copy of {@code search_documents} that is changed after each commit and rebuilt at
 * start-up when its records differ from the table's, for example after a crash between the two.
 * Results are loaded from the table, so a record deleted but still in the index is not shown.
 */
class LuceneSearchEngine implements SearchEngine, Closeable {

    private static final Logger log = LoggerFactory.getLogger(LuceneSearchEngine.class);

    static final String KEY = "key";
    static final String TYPE = "type";
    static final String OWNER = "owner";
    static final String TITLE = "title";
    static final String DESCRIPTION = "description";
    static final String BODY = "body";

    private final SearchDocumentStore store;
    private final FSDirectory directory;
    private final IndexWriter writer;
    private final SearcherManager searchers;

    LuceneSearchEngine(Path indexDirectory, SearchDocumentStore store) {
        this.store = store;
        try {
            Analyzer analyzer = new LuceneSearchAnalyzer();
            this.directory = FSDirectory.open(indexDirectory);
            this.writer = new IndexWriter(directory, new IndexWriterConfig(analyzer));
            this.searchers = new SearcherManager(writer, null);
        } catch (IOException e) {
            throw new UncheckedIOException("Failed to open the search index in " + indexDirectory
                    + "; check that the data directory is writable and that no other instance uses it", e);
        }
    }

    @Override
    public void indexed(SearchDocument document) {
        try {
            writer.updateDocument(new Term(KEY, document.key()), toLucene(document));
            commit();
        } catch (IOException e) {
            throw new UncheckedIOException("Failed to index " + document.key(), e);
        }
    }

    /** Adds the documents with one commit, because a commit syncs the index files to disk. */
    @Override
    public void indexedAll(List<SearchDocument> documents) {
        try {
            for (SearchDocument document : documents) {
                writer.updateDocument(new Term(KEY, document.key()), toLucene(document));
            }
            commit();
        } catch (IOException e) {
            throw new UncheckedIOException("Failed to index " + documents.size() + " documents", e);
        }
    }

    @Override
    public void removed(ResourceType type, long id) {
        try {
            writer.deleteDocuments(new Term(KEY, SearchDocument.keyOf(type, id)));
            commit();
        } catch (IOException e) {
            String key = SearchDocument.keyOf(type, id);
            throw new UncheckedIOException("Failed to remove " + key + " from the search index", e);
        }
    }

    @Override
    public void removedOwner(long ownerId) {
        try {
            writer.deleteDocuments(new Term(OWNER, Long.toString(ownerId)));
            commit();
        } catch (IOException e) {
            throw new UncheckedIOException(
                    "Failed to remove the documents of user " + ownerId + " from the search index", e);
        }
    }

    /**
     * Compares the records in the index with those in the table. A document whose text changed
     * without reaching the index is not detected, because only the record keys are compared.
     */
    @Override
    public void synchronize() {
        Set<String> stored = store.keys();
        Set<String> indexed = indexedKeys();
        if (stored.equals(indexed)) {
            return;
        }
        log.info("Rebuilding the search index: it has {} documents and the table {}", indexed.size(), stored.size());
        try {
            writer.deleteAll();
            store.forEach(document -> {
                try {
                    writer.addDocument(toLucene(document));
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
            commit();
        } catch (IOException e) {
            throw new UncheckedIOException("Failed to rebuild the search index", e);
        }
    }

    @Override
    public List<ScoredDocument> search(SearchQuery query, SearchScope scope, int limit) {
        Map<String, Double> scores = new HashMap<>();
        Map<ResourceType, List<Long>> ids = new EnumMap<>(ResourceType.class);
        try {
            IndexSearcher searcher = searchers.acquire();
            try {
                StoredFields fields = searcher.storedFields();
                for (ScoreDoc hit : searcher.search(LuceneQueries.of(query, scope), limit).scoreDocs) {
                    Document found = fields.document(hit.doc);
                    String key = found.get(KEY);
                    scores.put(key, LuceneQueries.layeredScore(hit.score));
                    ResourceType type = ResourceType.parse(found.get(TYPE)).orElseThrow();
                    long id = Long.parseLong(key.substring(key.indexOf(':') + 1));
                    ids.computeIfAbsent(type, unused -> new ArrayList<>()).add(id);
                }
            } finally {
                searchers.release(searcher);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Failed to read the search index", e);
        }

        return store.find(ids).stream()
                .map(document -> new ScoredDocument(document, scores.get(document.key())))
                .sorted(Comparator.comparingDouble(ScoredDocument::score).reversed()
                        .thenComparing(scored -> scored.document().createdAt(), Comparator.reverseOrder())
                        .thenComparing(scored -> scored.document().id(), Comparator.reverseOrder()))
                .toList();
    }

    private Set<String> indexedKeys() {
        Set<String> keys = new HashSet<>();
        try {
            IndexSearcher searcher = searchers.acquire();
            try {
                for (LeafReaderContext leaf : searcher.getIndexReader().leaves()) {
                    Bits live = leaf.reader().getLiveDocs();
                    StoredFields fields = leaf.reader().storedFields();
                    for (int doc = 0; doc < leaf.reader().maxDoc(); doc++) {
                        if (live == null || live.get(doc)) {
                            keys.add(fields.document(doc, Set.of(KEY)).get(KEY));
                        }
                    }
                }
            } finally {
                searchers.release(searcher);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Failed to read the search index", e);
        }
        return keys;
    }

    @Override
    public void close() throws IOException {
        searchers.close();
        writer.close();
        directory.close();
    }

    private void commit() throws IOException {
        writer.commit();
        searchers.maybeRefreshBlocking();
    }

    private static Document toLucene(SearchDocument document) {
        Document lucene = new Document();
        lucene.add(new StringField(KEY, document.key(), Field.Store.YES));
        lucene.add(new StringField(TYPE, document.type().wireName(), Field.Store.YES));
        lucene.add(new StringField(OWNER, Long.toString(document.ownerId()), Field.Store.NO));
        lucene.add(new TextField(TITLE, document.titleTerms(), Field.Store.NO));
        lucene.add(new TextField(DESCRIPTION, document.descriptionTerms(), Field.Store.NO));
        lucene.add(new TextField(BODY, document.bodyTerms(), Field.Store.NO));
        return lucene;
    }
}
