package io.allice.platform.ai;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.Mockito.mock;

import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.Test;

/**
 * The follow task exists only where OpenAI has a key. The choice is made when the bean is made,
 * not by a condition, so that it also applies to a build processed ahead of time.
 */
class TrainingJobsTests {

    private final TrainingFollower follower = mock(TrainingFollower.class);

    @Test
    void noTaskWithoutAnOpenAiKey() {
        assertThat(new TrainingJobs().trainingFollowTask(follower, properties("  "))).isNull();
    }

    @Test
    void taskWithAnOpenAiKey() {
        assertThat(new TrainingJobs().trainingFollowTask(follower, properties("sk-test")))
                .isNotNull()
                .satisfies(task -> assertThat(task.getName()).isEqualTo(TrainingJobs.TASK_NAME));
    }

    private static AiProperties properties(String openAiKey) {
        AiProperties.Provider none = new AiProperties.Provider("", "", List.of());
        return new AiProperties(new AiProperties.Provider(openAiKey, "http://127.0.0.1:1", List.of()), none, none,
                none, Duration.ofSeconds(30), 2, Duration.ofMillis(100), Duration.ofSeconds(1), Duration.ofSeconds(30),
                false);
    }
}
