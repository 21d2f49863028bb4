package io.allice.platform.collaboration;

import java.util.List;

import org.springframework.data.jpa.repository.JpaRepository;

interface ChatRoomMemberRepository extends JpaRepository<ChatRoomMember, ChatRoomMember.Key> {

    List<ChatRoomMember> findByKeyRoomIdOrderByJoinedAt(long roomId);
}
