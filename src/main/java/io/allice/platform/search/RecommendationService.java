package io.allice.platform.search;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import io.allice.platform.search.Recommendation.Reason;
import io.allice.platform.shared.sharing.ReceivedShare;
import io.allice.platform.shared.sharing.ResourceType;
import io.allice.platform.shared.sharing.ShareGrants;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Recommends items, media and files that the caller may reach (their own and those shared with
 * them) and has not opened within {@link #RECENT}, for three reasons: they resemble a record the
 * caller created or opened within that time, another user shared them with the caller within it,
 * or the caller published them within it. Each reason ranks its own records, and the response
 * takes one from each reason in turn, so no reason fills the list while another has records.
 */
@Service
class RecommendationService {

    /** How far back "recently" reaches, for opening, creating, sharing and publishing alike. */
    static final Duration RECENT = Duration.ofDays(30);
    /** Records the caller created, and records they opened, that similar records are sought for. */
    static final int MAX_SEEDS = 10;
    /** Records the engine returns for the seeds' words, before they are compared one by one. */
    static final int MAX_TEXT_CANDIDATES = 100;
    /** Records of the seeds' item types compared besides those the engine found. */
    static final int MAX_KIND_CANDIDATES = 50;
    /** Recent views read per request; a caller who opened more records than this may get some of them again. */
    static final int MAX_VIEWS = 10_000;
    /** A record less similar than this to every seed is not recommended for its similarity. */
    static final double MIN_SIMILARITY = 0.1;

    private static final List<ResourceType> RECOMMENDED_TYPES = List.of(ResourceType.ITEM, ResourceType.MEDIA,
            ResourceType.FILE);

    private final SearchEngine engine;
    private final SearchDocumentStore documents;
    private final RecommendationQueries queries;
    private final RecentViews views;
    private final ShareGrants grants;
    private final Clock clock;

    RecommendationService(SearchEngine engine, SearchDocumentStore documents, RecommendationQueries queries,
            RecentViews views, ShareGrants grants, Clock clock) {
        this.engine = engine;
        this.documents = documents;
        this.queries = queries;
        this.views = views;
        this.grants = grants;
        this.clock = clock;
    }

    /** Returns up to {@code limit} recommendations, reasons mixed, each record once; empty for a new user. */
    @Transactional(readOnly = true)
    List<Recommendation> recommend(long userId, int limit) {
        Instant now = clock.instant();
        Instant since = now.minus(RECENT);
        Map<RecordKey, Instant> viewed = views.viewedSince(userId, since, MAX_VIEWS);
        List<ReceivedShare> received = grants.sharesReceivedBy(userId).stream()
                .filter(share -> RECOMMENDED_TYPES.contains(share.type()))
                .toList();
        Reach reach = new Reach(userId, received);

        List<Recommendation> similar = similar(reach, viewed, since, limit);
        List<Recommendation> shared = recentlyShared(received, viewed.keySet(), since, limit);
        List<Recommendation> published = queries.publishedSince(userId, since, since, limit * 2).stream()
                .filter(document -> !viewed.containsKey(RecordKey.of(document)))
                .map(document -> Recommendation.of(document, Reason.RECENTLY_PUBLISHED, "You published it recently",
                        null, freshness(document.publishedAt(), since)))
                .toList();
        return mix(limit, List.of(similar, shared, published));
    }

    private List<Recommendation> similar(Reach reach, Map<RecordKey, Instant> viewed, Instant since, int limit) {
        Map<RecordKey, SearchDocument> seeds = new LinkedHashMap<>();
        queries.createdSince(reach.userId(), since, MAX_SEEDS).forEach(seed -> seeds.put(RecordKey.of(seed), seed));
        List<RecordKey> lastViewed = viewed.entrySet().stream()
                .sorted(Map.Entry.<RecordKey, Instant>comparingByValue().reversed())
                .limit(MAX_SEEDS)
                .map(Map.Entry::getKey)
                .toList();
        documents.find(byType(lastViewed)).stream()
                .filter(reach::contains)
                .forEach(seed -> seeds.putIfAbsent(RecordKey.of(seed), seed));
        if (seeds.isEmpty()) {
            return List.of();
        }

        Map<RecordKey, Similarity.Features> seedFeatures = new LinkedHashMap<>();
        seeds.forEach((key, seed) -> seedFeatures.put(key, Similarity.Features.of(seed)));
        Map<RecordKey, SearchDocument> candidates = new LinkedHashMap<>();
        SearchQuery words = new SearchQuery(commonWords(seedFeatures.values()), List.of(), null);
        if (!words.isEmpty()) {
            SearchScope scope = new SearchScope(reach.userId(), reach.sharedIds(), null);
            engine.search(words, scope, MAX_TEXT_CANDIDATES)
                    .forEach(scored -> candidates.put(RecordKey.of(scored.document()), scored.document()));
        }
        Set<String> kinds = new HashSet<>();
        seeds.values().stream().filter(seed -> seed.kind() != null).forEach(seed -> kinds.add(seed.kind()));
        queries.ofKinds(reach.userId(), kinds, since, MAX_KIND_CANDIDATES)
                .forEach(candidate -> candidates.putIfAbsent(RecordKey.of(candidate), candidate));

        List<Recommendation> similar = new ArrayList<>();
        candidates.forEach((key, candidate) -> {
            if (!viewed.containsKey(key)) {
                bestMatch(key, Similarity.Features.of(candidate), seeds, seedFeatures)
                        .ifPresent(best -> similar.add(best.recommend(candidate)));
            }
        });
        similar.sort(Comparator.comparingDouble(Recommendation::score).reversed()
                .thenComparing(Recommendation::createdAt, Comparator.reverseOrder()));
        return similar.subList(0, Math.min(limit, similar.size()));
    }

    /** Returns the seed that the candidate resembles most, if it resembles one enough; a record never resembles itself. */
    private static Optional<SeedMatch> bestMatch(RecordKey key, Similarity.Features features,
            Map<RecordKey, SearchDocument> seeds, Map<RecordKey, Similarity.Features> seedFeatures) {
        SeedMatch best = null;
        for (var seed : seedFeatures.entrySet()) {
            if (seed.getKey().equals(key)) {
                continue;
            }
            Similarity.Match match = Similarity.of(features, seed.getValue());
            if (match.score() >= MIN_SIMILARITY && (best == null || match.score() > best.match().score())) {
                best = new SeedMatch(seeds.get(seed.getKey()), match);
            }
        }
        return Optional.ofNullable(best);
    }

    /** Returns the seeds' words that most seeds share, at most as many as one search query takes. */
    private static List<String> commonWords(Collection<Similarity.Features> seeds) {
        Map<String, Integer> counts = new LinkedHashMap<>();
        seeds.forEach(seed -> seed.words().values().forEach(word -> counts.merge(word, 1, Integer::sum)));
        return counts.entrySet().stream()
                .sorted(Map.Entry.<String, Integer>comparingByValue().reversed())
                .limit(SearchQuery.MAX_TERMS)
                .map(Map.Entry::getKey)
                .toList();
    }

    private List<Recommendation> recentlyShared(List<ReceivedShare> received, Set<RecordKey> opened, Instant since,
            int limit) {
        Map<RecordKey, Instant> sharedAt = new LinkedHashMap<>();
        received.stream()
                .filter(share -> !share.sharedAt().isBefore(since))
                .map(share -> Map.entry(new RecordKey(share.type(), share.resourceId()), share.sharedAt()))
                .filter(entry -> !opened.contains(entry.getKey()))
                .limit(limit)
                .forEach(entry -> sharedAt.putIfAbsent(entry.getKey(), entry.getValue()));
        return documents.find(byType(sharedAt.keySet())).stream()
                .map(document -> Recommendation.of(document, Reason.SHARED_WITH_YOU, "Shared with you recently", null,
                        freshness(sharedAt.get(RecordKey.of(document)), since)))
                .sorted(Comparator.comparingDouble(Recommendation::score).reversed())
                .toList();
    }

    /** Takes one recommendation from each list in turn, skipping records already taken, until {@code limit}. */
    static List<Recommendation> mix(int limit, List<List<Recommendation>> reasons) {
        List<Iterator<Recommendation>> pending = new ArrayList<>(reasons.stream().map(List::iterator).toList());
        Set<RecordKey> taken = new HashSet<>();
        List<Recommendation> mixed = new ArrayList<>();
        while (mixed.size() < limit && !pending.isEmpty()) {
            Iterator<Iterator<Recommendation>> turns = pending.iterator();
            while (turns.hasNext() && mixed.size() < limit) {
                Iterator<Recommendation> reason = turns.next();
                Recommendation next = nextNotTaken(reason, taken);
                if (next == null) {
                    turns.remove();
                } else {
                    mixed.add(next);
                }
            }
        }
        return mixed;
    }

    private static Recommendation nextNotTaken(Iterator<Recommendation> reason, Set<RecordKey> taken) {
        while (reason.hasNext()) {
            Recommendation candidate = reason.next();
            if (taken.add(candidate.key())) {
                return candidate;
            }
        }
        return null;
    }

    /** Returns 1 for now, falling linearly to 0 at {@code since}. */
    private double freshness(Instant time, Instant since) {
        double age = Duration.between(since, time).toMillis() / (double) RECENT.toMillis();
        return Math.clamp(age, 0, 1);
    }

    private static Map<ResourceType, List<Long>> byType(Collection<RecordKey> keys) {
        Map<ResourceType, List<Long>> ids = new EnumMap<>(ResourceType.class);
        keys.forEach(key -> ids.computeIfAbsent(key.type(), unused -> new ArrayList<>()).add(key.id()));
        return ids;
    }

    /** The records one user may reach: their own and those unexpired shares grant them. */
    private record Reach(long userId, Map<ResourceType, Set<Long>> sharedIds) {

        Reach(long userId, List<ReceivedShare> received) {
            this(userId, sharedIdsOf(received));
        }

        private static Map<ResourceType, Set<Long>> sharedIdsOf(List<ReceivedShare> received) {
            Map<ResourceType, Set<Long>> ids = new EnumMap<>(ResourceType.class);
            received.forEach(share -> ids.computeIfAbsent(share.type(), unused -> new HashSet<>())
                    .add(share.resourceId()));
            return ids;
        }

        boolean contains(SearchDocument document) {
            return document.ownerId() == userId
                    || sharedIds.getOrDefault(document.type(), Set.of()).contains(document.id());
        }
    }

    /** The seed a candidate resembles most, and how. */
    private record SeedMatch(SearchDocument seed, Similarity.Match match) {

        Recommendation recommend(SearchDocument candidate) {
            return Recommendation.of(candidate, Reason.SIMILAR_CONTENT, detail(), seed, match.score());
        }

        private String detail() {
            List<String> parts = new ArrayList<>();
            if (!match.sharedTags().isEmpty()) {
                parts.add("same tags " + String.join(", ", match.sharedTags()));
            }
            if (!match.sharedWords().isEmpty()) {
                parts.add("same words " + String.join(", ", match.sharedWords()));
            }
            if (match.sameKind()) {
                parts.add("same item type " + seed.kind());
            }
            return "Similar to \"" + seed.title() + "\": " + String.join("; ", parts);
        }
    }
}
