package io.allice.platform.collaboration;

import java.util.Set;

/** The users connected to each room right now, across instances. Not stored in the database. */
interface ChatPresence {

    void join(String roomKey, String connectionId, long userId);

    void leave(String roomKey, String connectionId);

    /** The ids of the users with at least one connection subscribed to the room. */
    Set<Long> online(String roomKey);
}
