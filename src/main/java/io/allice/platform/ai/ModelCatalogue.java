package io.allice.platform.ai;

import java.time.Clock;
import java.util.List;
import java.util.Set;

import io.allice.platform.shared.error.ApiException;
import io.allice.platform.shared.security.AuthenticatedUser;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The model catalogue. Shared entries come from configuration (added at start-up), from
 * administrators and from the providers' list endpoints; they are listed while their provider
 * is configured. Fine-tuned models are listed for their owner only.
 */
@Service
class ModelCatalogue {

    static final Set<String> MODEL_TYPES = Set.of("text", "image", "audio", "embedding", "multimodal");
    static final String MODEL_TYPES_MESSAGE = "must be one of " + String.join(", ", MODEL_TYPES.stream().sorted().toList());
    private static final Logger log = LoggerFactory.getLogger(ModelCatalogue.class);

    private final CatalogueModelRepository models;
    private final ProviderRegistry providers;
    private final AiProperties properties;
    private final Clock clock;

    ModelCatalogue(CatalogueModelRepository models, ProviderRegistry providers, AiProperties properties, Clock clock) {
        this.models = models;
        this.providers = providers;
        this.properties = properties;
        this.clock = clock;
    }

    /**
     * Adds the configured models of each configured provider that are not yet listed. An entry
     * an administrator removed comes back at the next start while configuration still lists it;
     * disabling it is what lasts.
     */
    @EventListener(ApplicationReadyEvent.class)
    void addConfiguredModels() {
        for (ProviderAdapter adapter : providers.configured()) {
            for (String model : configuredModels(adapter.name())) {
                addIfMissing(new ModelId(adapter.name(), model), CatalogueModel.FROM_CONFIGURATION);
            }
        }
    }

    @Transactional(readOnly = true)
    public List<AiViews.CatalogueEntry> list(AuthenticatedUser user, String modelType, String provider) {
        Set<String> configured = providers.configured().stream().map(ProviderAdapter::name)
                .collect(java.util.stream.Collectors.toSet());
        return models.findVisibleTo(user.id()).stream()
                .filter(model -> configured.contains(model.provider()))
                .filter(model -> model.active() || user.isAdmin() && model.ownerId() == null)
                .filter(model -> modelType == null || modelType.equals(model.modelType()))
                .filter(model -> provider == null || provider.equals(model.provider()))
                .map(CatalogueModel::view)
                .toList();
    }

    /** Adds the models each configured provider's list endpoint reports; administrators only. */
    void refreshFromProviders(AuthenticatedUser user) {
        requireAdmin(user);
        for (ProviderAdapter adapter : providers.configured()) {
            try {
                adapter.listModels().forEach(model -> addIfMissing(new ModelId(adapter.name(), model),
                        CatalogueModel.FROM_PROVIDER_LIST));
            } catch (ProviderException e) {
                log.warn("Listing the models of {} failed: {} (provider status {})", adapter.name(), e.kind(),
                        e.providerStatus());
            }
        }
    }

    @Transactional
    public AiViews.CatalogueEntry add(AuthenticatedUser user, AiRequests.CatalogueEntry request) {
        requireAdmin(user);
        ModelId modelId = providers.parse(request.modelId());
        if (models.existsByModelId(modelId.toString())) {
            throw ApiException.conflict("The catalogue already lists " + modelId);
        }
        CatalogueModel model = new CatalogueModel(request.name(), modelType(request.modelType()), modelId,
                request.description(), request.isActive() == null || request.isActive(), CatalogueModel.FROM_ADMIN,
                null, clock.instant());
        return models.save(model).view();
    }

    @Transactional
    public AiViews.CatalogueEntry change(AuthenticatedUser user, long id, CatalogueChanges changes) {
        requireAdmin(user);
        CatalogueModel model = shared(id);
        model.change(changes);
        return model.view();
    }

    @Transactional
    public void remove(AuthenticatedUser user, long id) {
        requireAdmin(user);
        models.delete(shared(id));
    }

    /** Returns whether the user may run this model while the catalogue is restricted. */
    @Transactional(readOnly = true)
    public boolean allows(long userId, String modelId) {
        return models.findByModelId(modelId)
                .filter(model -> model.active() && (model.ownerId() == null || model.ownerId() == userId))
                .isPresent();
    }

    /** Lists a finished fine-tuned model for its owner. */
    @Transactional
    public void addFineTuned(long ownerId, ModelId modelId, String name, String modelType, String description) {
        if (!models.existsByModelId(modelId.toString())) {
            models.save(new CatalogueModel(name, modelType, modelId, description, true,
                    CatalogueModel.FROM_FINE_TUNING, ownerId, clock.instant()));
        }
    }

    static String modelType(String value) {
        if (value == null) {
            return "text";
        }
        if (!MODEL_TYPES.contains(value)) {
            throw ApiException.invalidField("model_type", MODEL_TYPES_MESSAGE);
        }
        return value;
    }

    private CatalogueModel shared(long id) {
        return models.findById(id).filter(model -> model.ownerId() == null)
                .orElseThrow(() -> ApiException.notFound("Catalogue entry " + id + " not found"));
    }

    private void addIfMissing(ModelId modelId, String source) {
        if (models.existsByModelId(modelId.toString())) {
            return;
        }
        try {
            models.save(new CatalogueModel(modelId.model(), "text", modelId, null, true, source, null, clock.instant()));
        } catch (DataIntegrityViolationException e) {
            // Another instance added it at the same moment.
            log.debug("Catalogue entry {} was added concurrently", modelId);
        }
    }

    private List<String> configuredModels(String provider) {
        return switch (provider) {
            case "openai" -> properties.openai().models();
            case "google" -> properties.google().models();
            case "replicate" -> properties.replicate().models();
            case "ollama" -> properties.ollama().models();
            default -> List.of();
        };
    }

    private static void requireAdmin(AuthenticatedUser user) {
        if (!user.isAdmin()) {
            throw new ApiException(HttpStatus.FORBIDDEN, "Only administrators can change the model catalogue");
        }
    }
}
