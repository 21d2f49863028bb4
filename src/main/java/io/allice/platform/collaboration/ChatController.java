package io.allice.platform.collaboration;

import java.net.URI;
import java.util.List;

import io.allice.platform.collaboration.ChatRequests.AddMember;
import io.allice.platform.collaboration.ChatRequests.EditMessage;
import io.allice.platform.collaboration.ChatRequests.SendMessage;
import io.allice.platform.shared.security.AuthenticatedUser;
import io.allice.platform.shared.web.Paging;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping(path = "/api/chat", produces = MediaType.APPLICATION_JSON_VALUE)
@Tag(name = "Collaboration")
class ChatController {

    private final ChatService chat;

    ChatController(ChatService chat) {
        this.chat = chat;
    }

    @ResponseStatus(HttpStatus.CREATED)
    @PostMapping(path = "/send", consumes = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "Send a message; the first message to an unknown room creates it with the sender as owner")
    ResponseEntity<ChatMessageView> send(@AuthenticationPrincipal AuthenticatedUser user,
            @Valid @RequestBody SendMessage request) {
        ChatMessageView sent = chat.send(user, request.roomId(), request.message(), request.messageType(),
                request.metadata());
        return ResponseEntity.status(HttpStatus.CREATED).body(sent);
    }

    @GetMapping("/rooms")
    @Operation(summary = "The caller's rooms with their last message and unread count")
    List<ChatRoomSummary> rooms(@AuthenticationPrincipal AuthenticatedUser user) {
        return chat.roomsOf(user.id());
    }

    @GetMapping("/{room_id}")
    @Operation(summary = "A room's messages, newest first; members only")
    List<ChatMessageView> history(@AuthenticationPrincipal AuthenticatedUser user,
            @PathVariable("room_id") String roomId,
            @RequestParam(name = "skip", defaultValue = "0") int skip,
            @Parameter(schema = @Schema(minimum = "1", maximum = "200", defaultValue = "50"))
            @RequestParam(name = "limit", defaultValue = "50") int limit,
            @Parameter(description = "Only messages older than this message id")
            @RequestParam(name = "before", required = false) Long before) {
        return chat.history(user.id(), roomId, Paging.of(skip, limit, ChatRules.MAX_PAGE_SIZE), before);
    }

    @GetMapping("/rooms/{room_id}/members")
    @Operation(summary = "A room's members; members only")
    List<ChatMemberView> members(@AuthenticationPrincipal AuthenticatedUser user,
            @PathVariable("room_id") String roomId) {
        return chat.membersOf(user.id(), roomId);
    }

    @ResponseStatus(HttpStatus.CREATED)
    @PostMapping(path = "/rooms/{room_id}/members", consumes = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "Add a member to a room (owner only)")
    ResponseEntity<ChatMemberView> addMember(@AuthenticationPrincipal AuthenticatedUser user,
            @PathVariable("room_id") String roomId, @Valid @RequestBody AddMember request) {
        ChatService.AddedMember added = chat.addMember(user, roomId, request.userId());
        return added.created()
                ? ResponseEntity.created(URI.create("/api/chat/rooms/" + roomId + "/members")).body(added.member())
                : ResponseEntity.ok(added.member());
    }

    @ResponseStatus(HttpStatus.NO_CONTENT)
    @DeleteMapping("/rooms/{room_id}/members/{user_id}")
    @Operation(summary = "Remove a member (owner), or leave the room (any member, with their own id)")
    ResponseEntity<Void> removeMember(@AuthenticationPrincipal AuthenticatedUser user,
            @PathVariable("room_id") String roomId, @PathVariable("user_id") long userId) {
        chat.removeMember(user, roomId, userId);
        return ResponseEntity.noContent().build();
    }

    @PutMapping(path = "/messages/{message_id}", consumes = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "Edit one of your messages")
    ChatMessageView edit(@AuthenticationPrincipal AuthenticatedUser user, @PathVariable("message_id") long messageId,
            @Valid @RequestBody EditMessage request) {
        return chat.edit(user, messageId, request.message());
    }

    @ResponseStatus(HttpStatus.NO_CONTENT)
    @DeleteMapping("/messages/{message_id}")
    @Operation(summary = "Delete one of your messages, leaving a tombstone")
    ResponseEntity<Void> delete(@AuthenticationPrincipal AuthenticatedUser user,
            @PathVariable("message_id") long messageId) {
        chat.delete(user, messageId);
        return ResponseEntity.noContent().build();
    }
}
