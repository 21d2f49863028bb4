package io.allice.platform.shared.redis;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

import org.junit.jupiter.api.Test;

/** A build processed ahead of time holds no Redis beans, so AOT mode with REDIS_URL must not start. */
class AheadOfTimeRedisCheckTests {

    @Test
    void aotModeWithRedisUrlRefusesToStart() {
        assertThatIllegalStateException()
                .isThrownBy(() -> AheadOfTimeRedisCheck.refuseRedisInAotMode(true, "redis://127.0.0.1:6379"))
                .withMessageContaining("REDIS_URL")
                .withMessageContaining("spring.aot.enabled")
                .withMessageNotContaining("127.0.0.1");
    }

    @Test
    void aotModeWithoutRedisStarts() {
        assertThatCode(() -> AheadOfTimeRedisCheck.refuseRedisInAotMode(true, " ")).doesNotThrowAnyException();
        assertThatCode(() -> AheadOfTimeRedisCheck.refuseRedisInAotMode(true, null)).doesNotThrowAnyException();
    }

    @Test
    void redisOutsideAotModeStarts() {
        assertThatCode(() -> AheadOfTimeRedisCheck.refuseRedisInAotMode(false, "redis://127.0.0.1:6379"))
                .doesNotThrowAnyException();
    }
}
