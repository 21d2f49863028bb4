package io.allice.platform.content;

import java.util.List;

/** The filtered, offset-paged list of one user's items, newest first. */
interface ItemListQuery {

    List<Item> findPage(long userId, String itemType, ItemStatus status, int skip, int limit);
}
