package io.allice.platform.ai;

import java.util.List;
import java.util.Optional;

import org.springframework.data.domain.Pageable;
import org.springframework.data.jpa.repository.JpaRepository;

interface TrainingJobRepository extends JpaRepository<TrainingJob, Long> {

    Optional<TrainingJob> findByIdAndUserId(long id, long userId);

    List<TrainingJob> findByUserId(long userId, Pageable page);
}
