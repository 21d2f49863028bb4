package io.allice.platform.collaboration;

import java.time.Instant;

import io.swagger.v3.oas.annotations.media.Schema;

/** A member of a room. */
record ChatMemberView(
        @Schema(example = "2") long userId,
        @Schema(example = "bob") String username,
        @Schema(example = "member", allowableValues = {"owner", "member"}) String role,
        Instant joinedAt) {

    static ChatMemberView of(ChatRoomMember member, String username) {
        return new ChatMemberView(member.userId(), username, member.role(), member.joinedAt());
    }
}
