package io.allice.platform.notifications;

import java.util.Map;

import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/** The body of {@code POST /api/notify/send}. */
record SendNotification(
        @Schema(example = "Export finished", maxLength = 200)
        @NotNull(message = "is required") @NotBlank(message = "must not be blank")
        @Size(max = 200, message = "must be at most 200 characters") String title,
        @Schema(example = "Your export is ready to download.", maxLength = 5000)
        @NotNull(message = "is required") @Size(max = 5000, message = "must be at most 5000 characters") String message,
        @Schema(example = "info", allowableValues = {"info", "success", "warning", "error"}, defaultValue = "info")
        @Pattern(regexp = "^(info|success|warning|error)$", message = "must be " + NotificationType.ALLOWED)
        String notificationType,
        @Schema(example = "https://example.com/exports/42", description = "An absolute http(s) URL or a path starting with /")
        @Size(max = 2000, message = "must be at most 2000 characters") String actionUrl,
        @Schema(description = "Any JSON object") Map<String, Object> metadata,
        @Schema(description = "Also e-mail it; warnings and errors are e-mailed anyway", defaultValue = "false")
        Boolean email,
        @Schema(description = "Recipient; only an admin may name another user. May also be given as a query parameter",
                nullable = true)
        Long userId) {
}
