package io.allice.platform.ai;

import java.time.Instant;
import java.util.List;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

interface UsageRecordRepository extends JpaRepository<UsageRecord, Long> {

    /** Per model: calls, failed calls, input tokens, output tokens and total latency since a time. */
    @Query("""
            select r.modelId, count(r), sum(case when r.outcome = 'error' then 1 else 0 end),
                   coalesce(sum(r.inputTokens), 0), coalesce(sum(r.outputTokens), 0), coalesce(sum(r.latencyMs), 0)
            from UsageRecord r
            where r.userId = :userId and r.createdAt >= :since
            group by r.modelId
            order by r.modelId""")
    List<Object[]> summarize(long userId, Instant since);
}
