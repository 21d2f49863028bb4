package io.allice.platform.ai;

import java.util.List;

import io.allice.platform.shared.security.AuthenticatedUser;
import io.allice.platform.shared.web.Paging;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import org.springframework.http.MediaType;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping(path = "/api/ai/train", produces = MediaType.APPLICATION_JSON_VALUE)
@Tag(name = "AI")
class TrainingController {

    private static final int MAX_PAGE_SIZE = 100;

    private final TrainingService training;

    TrainingController(TrainingService training) {
        this.training = training;
    }

    @PostMapping(consumes = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "Start fine-tuning a model on your examples; only openai: base models support it")
    AiViews.TrainingStarted train(@AuthenticationPrincipal AuthenticatedUser user,
            @Valid @RequestBody AiRequests.Train request) {
        return training.start(user, request);
    }

    @GetMapping("/{training_id}")
    @Operation(summary = "One of your fine-tuning jobs: status, provider job, events and the resulting model_id")
    AiViews.TrainingJobView get(@AuthenticationPrincipal AuthenticatedUser user,
            @PathVariable("training_id") long trainingId) {
        return training.get(user, trainingId);
    }

    @GetMapping
    @Operation(summary = "Your fine-tuning jobs, newest first")
    List<AiViews.TrainingJobView> list(@AuthenticationPrincipal AuthenticatedUser user,
            @RequestParam(name = "skip", defaultValue = "0") int skip,
            @Parameter(schema = @Schema(minimum = "1", maximum = "100", defaultValue = "50"))
            @RequestParam(name = "limit", defaultValue = "50") int limit) {
        return training.list(user, Paging.of(skip, limit, MAX_PAGE_SIZE));
    }
}
