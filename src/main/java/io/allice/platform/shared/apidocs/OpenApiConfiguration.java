package io.allice.platform.shared.apidocs;

import java.util.Map;

import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import io.allice.platform.shared.security.RouteAccess;
import io.swagger.v3.core.jackson.ModelResolver;
import io.swagger.v3.core.util.Json;
import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.info.License;
import io.swagger.v3.oas.models.media.Content;
import io.swagger.v3.oas.models.media.IntegerSchema;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.media.ObjectSchema;
import io.swagger.v3.oas.models.media.ArraySchema;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.media.StringSchema;
import io.swagger.v3.oas.models.responses.ApiResponse;
import io.swagger.v3.oas.models.responses.ApiResponses;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.oas.models.security.SecurityScheme;
import org.springdoc.core.customizers.OpenApiCustomizer;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.info.BuildProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The OpenAPI document at /openapi.json: snake_case schemas, the bearer scheme that Swagger
 * UI's "Authorize" button fills in, and the problem-details error responses on every operation.
 */
@Configuration(proxyBeanMethods = false)
class OpenApiConfiguration {

    static final String BEARER = "bearerAuth";
    private static final String PROBLEM_REF = "#/components/schemas/Problem";

    @Bean
    OpenAPI alliceOpenApi(ObjectProvider<BuildProperties> build) {
        String version = build.getIfAvailable() != null ? build.getIfAvailable().getVersion() : "dev";
        return new OpenAPI()
                .info(new Info().title("Allice Platform API").version(version)
                        .description("Accounts, content, media, files, billing, analytics, notifications, search, "
                                + "AI inference, collaboration and integrations in one service. Sign in with "
                                + "POST /api/auth/login, then press Authorize and paste the access_token.")
                        .license(new License().name("Apache-2.0")))
                .components(new Components()
                        .addSecuritySchemes(BEARER, new SecurityScheme().type(SecurityScheme.Type.HTTP)
                                .scheme("bearer").bearerFormat("JWT")))
                .addSecurityItem(new SecurityRequirement().addList(BEARER));
    }

    /** Lets swagger-core, which uses Jackson 2, name schema properties in snake_case as the API does. */
    @Bean
    ModelResolver snakeCaseModelResolver() {
        return new ModelResolver(Json.mapper().copy().setPropertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE));
    }

    @Bean
    OpenApiCustomizer problemResponses() {
        return openApi -> {
            // springdoc rebuilds the components from the controllers, so the shared schema is added here.
            if (openApi.getComponents() == null) {
                openApi.setComponents(new Components());
            }
            openApi.getComponents().addSchemas("Problem", problemSchema());
            openApi.getPaths().forEach((path, item) ->
                    item.readOperationsMap().values().forEach(operation -> addErrorResponses(path, operation)));
        };
    }

    private static void addErrorResponses(String path, Operation operation) {
        boolean secured = operation.getSecurity() == null || !operation.getSecurity().isEmpty();
        addProblem(operation, "400", "Invalid input; errors lists each invalid field");
        if (secured) {
            addProblem(operation, "401", "Missing, invalid, expired or revoked bearer token");
        }
        if (path.startsWith("/api/system/") && secured) {
            addProblem(operation, "403", "The caller is not an administrator");
        }
        if (path.contains("{")) {
            addProblem(operation, "404", "Not found, or owned by another user");
        }
        addProblem(operation, "429", "Too many requests; Retry-After says when to try again");
        addProblem(operation, "500", "Unexpected error; the detail carries an error id for the logs");
    }

    @Bean
    RouteAccess apiDocsRouteAccess() {
        return routes -> routes.requestMatchers("/docs", "/docs/**", "/swagger-ui/**", "/swagger-ui.html",
                "/openapi.json", "/openapi.json/**", "/redoc", "/webjars/**").permitAll();
    }

    private static void addProblem(Operation operation, String status, String description) {
        ApiResponses responses = operation.getResponses() == null ? new ApiResponses() : operation.getResponses();
        if (!responses.containsKey(status)) {
            responses.addApiResponse(status, new ApiResponse().description(description).content(new Content()
                    .addMediaType("application/problem+json", new MediaType().schema(new Schema<>().$ref(PROBLEM_REF)))));
        }
        operation.setResponses(responses);
    }

    @SuppressWarnings("rawtypes")
    private static Schema problemSchema() {
        Schema<?> violation = new ObjectSchema()
                .addProperty("field", new StringSchema().example("title"))
                .addProperty("message", new StringSchema().example("must not be blank"));
        return new ObjectSchema()
                .description("RFC 9457 problem details")
                .properties(Map.of(
                        "type", new StringSchema().example("about:blank"),
                        "title", new StringSchema().example("Bad Request"),
                        "status", new IntegerSchema().example(400),
                        "detail", new StringSchema().example("title: must not be blank"),
                        "instance", new StringSchema().example("/api/items"),
                        "errors", new ArraySchema().items(violation)));
    }
}
