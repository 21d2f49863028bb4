package io.allice.platform.files;

import java.util.Optional;

import org.springframework.data.jpa.repository.JpaRepository;

interface StoredFileRepository extends JpaRepository<StoredFile, Long> {

    Optional<StoredFile> findByIdAndUserId(long id, long userId);
}
