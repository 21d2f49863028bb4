package io.allice.platform.media;

import java.util.Optional;

import org.springframework.data.jpa.repository.JpaRepository;

interface MediaRepository extends JpaRepository<Media, Long> {

    Optional<Media> findByIdAndUserId(long id, long userId);
}
