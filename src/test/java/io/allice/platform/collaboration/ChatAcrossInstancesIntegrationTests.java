package io.allice.platform.collaboration;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import io.allice.platform.support.ApiClient;
import io.allice.platform.support.ApiClient.Session;
import io.allice.platform.support.TestAccounts;
import io.allice.platform.support.TestWebSocket;
import io.allice.platform.support.TwoInstances;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** Members connected to different instances receive the room's messages in stored order, through Redis. */
class ChatAcrossInstancesIntegrationTests {

    static TwoInstances instances;

    @BeforeAll
    static void startInstances() {
        instances = new TwoInstances();
    }

    @AfterAll
    static void stopInstances() {
        instances.close();
    }

    @Test
    void deliversInOrderAcrossInstances() {
        ApiClient first = ApiClient.onPort(instances.port(0));
        ApiClient second = ApiClient.onPort(instances.port(1));
        Session alice = first.register(TestAccounts.uniqueUsername("across_alice"));
        Session bob = first.register(TestAccounts.uniqueUsername("across_bob"));
        String room = TestAccounts.uniqueUsername("across_room");
        first.post("/api/chat/send", alice.token(), Map.of("room_id", room, "message", "opening"));
        first.post("/api/chat/rooms/" + room + "/members", alice.token(), Map.of("user_id", bob.userId()));

        try (TestWebSocket onFirst = ChatRealtimeIntegrationTests.subscribed(instances.port(0), alice, room);
                TestWebSocket onSecond = ChatRealtimeIntegrationTests.subscribed(instances.port(1), bob, room)) {
            List<Long> sent = new ArrayList<>();
            for (int i = 0; i < 6; i++) {
                ApiClient via = i % 2 == 0 ? first : second;
                Session sender = i % 2 == 0 ? alice : bob;
                sent.add(via.post("/api/chat/send", sender.token(), Map.of("room_id", room, "message", "m" + i))
                        .json().get("id").asLong());
            }

            List<Long> firstReceived = new ArrayList<>();
            List<Long> secondReceived = new ArrayList<>();
            for (int i = 0; i < sent.size(); i++) {
                firstReceived.add(idOf(onFirst.nextOfType("chat.message")));
                secondReceived.add(idOf(onSecond.nextOfType("chat.message")));
            }

            assertThat(firstReceived).containsExactlyElementsOf(sent);
            assertThat(secondReceived).containsExactlyElementsOf(sent);
        }
    }

    private static long idOf(JsonNode frame) {
        return frame.get("data").get("id").asLong();
    }
}
