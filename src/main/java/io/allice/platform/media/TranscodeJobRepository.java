package io.allice.platform.media;

import java.util.List;

import org.springframework.data.jpa.repository.JpaRepository;

interface TranscodeJobRepository extends JpaRepository<TranscodeJob, Long> {

    List<TranscodeJob> findByMediaIdOrderByIdAsc(long mediaId);
}
