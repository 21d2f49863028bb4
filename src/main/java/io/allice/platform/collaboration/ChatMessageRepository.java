package io.allice.platform.collaboration;

import java.util.List;

import org.springframework.data.domain.Pageable;
import org.springframework.data.jpa.repository.JpaRepository;

interface ChatMessageRepository extends JpaRepository<ChatMessage, Long> {

    List<ChatMessage> findByRoomId(long roomId, Pageable page);

    /** Messages older than {@code before}, for paging that new messages cannot shift. */
    List<ChatMessage> findByRoomIdAndIdLessThan(long roomId, long before, Pageable page);
}
