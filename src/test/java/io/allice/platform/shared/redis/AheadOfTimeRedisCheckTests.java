package io.allice.platform.shared.redis;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

import org.junit.jupiter.api.Test;

/** A build processed ahead of time contains no Redis beans, so AOT mode with REDIS_URL must not start. */
class AheadOfTimeRedisCheckTests {

    @Test
    void aotModeRejectsRedisUrl() {
        assertThatIllegalStateException()
                .isThrownBy(() -> AheadOfTimeRedisCheck.rejectRedisInAotMode(true, "redis://127.0.0.1:6379"))
                .withMessageContaining("REDIS_URL")
                .withMessageContaining("spring.aot.enabled")
                .withMessageNotContaining("127.0.0.1");
    }

    @Test
    void aotModeAcceptsNoRedis() {
        assertThatCode(() -> AheadOfTimeRedisCheck.rejectRedisInAotMode(true, " ")).doesNotThrowAnyException();

        assertThatCode(() -> AheadOfTimeRedisCheck.rejectRedisInAotMode(true, null)).doesNotThrowAnyException();
    }

    @Test
    void plainModeAcceptsRedisUrl() {
        assertThatCode(() -> AheadOfTimeRedisCheck.rejectRedisInAotMode(false, "redis://127.0.0.1:6379"))
                .doesNotThrowAnyException();
    }
}
