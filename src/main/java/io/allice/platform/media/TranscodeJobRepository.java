package io.allice.platform.media;

import java.util.List;
import java.util.Optional;

import org.springframework.data.jpa.repository.JpaRepository;

interface TranscodeJobRepository extends JpaRepository<TranscodeJob, Long> {

    List<TranscodeJob> findByMediaIdOrderByIdAsc(long mediaId);

    Optional<TranscodeJob> findByIdAndMediaId(long id, long mediaId);
}
