package io.allice.platform.ai;

import java.util.List;
import java.util.Optional;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

interface CatalogueModelRepository extends JpaRepository<CatalogueModel, Long> {

    Optional<CatalogueModel> findByModelId(String modelId);

    boolean existsByModelId(String modelId);

    /** Shared entries and the caller's own fine-tuned models, in a stable order. */
    @Query("select m from CatalogueModel m where m.ownerId is null or m.ownerId = :userId order by m.provider, m.modelId")
    List<CatalogueModel> findVisibleTo(long userId);
}
