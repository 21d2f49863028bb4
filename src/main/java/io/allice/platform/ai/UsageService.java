package io.allice.platform.ai;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

import io.allice.platform.shared.error.ApiException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Records each provider call and sums a user's calls over a period. */
@Service
class UsageService {

    static final int MAX_DAYS = 366;

    private final UsageRecordRepository records;
    private final Clock clock;

    UsageService(UsageRecordRepository records, Clock clock) {
        this.records = records;
        this.clock = clock;
    }

    /** Stores one call in its own transaction, so it is kept whatever the caller does next. */
    @Transactional
    public void record(long userId, ModelId model, Completion completion, long latencyMs, int statusCode) {
        records.save(new UsageRecord(userId, model, completion == null ? null : completion.inputTokens(),
                completion == null ? null : completion.outputTokens(), latencyMs, statusCode, clock.instant()));
    }

    @Transactional(readOnly = true)
    public AiViews.UsageSummary summarize(long userId, int days) {
        if (days < 1 || days > MAX_DAYS) {
            throw ApiException.invalidField("days", "must be between 1 and " + MAX_DAYS);
        }
        Instant since = clock.instant().minus(Duration.ofDays(days));
        List<AiViews.ModelUsage> byModel = records.summarize(userId, since).stream()
                .map(row -> new AiViews.ModelUsage((String) row[0], number(row[1]), number(row[2]), number(row[3]),
                        number(row[4]), number(row[5])))
                .toList();
        return AiViews.UsageSummary.of(days, since, byModel);
    }

    private static long number(Object value) {
        return value == null ? 0 : ((Number) value).longValue();
    }
}
