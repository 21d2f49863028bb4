package io.allice.platform.content;

import java.util.Collection;
import java.util.List;

import org.springframework.data.jpa.repository.JpaRepository;

interface ItemRepository extends JpaRepository<Item, Long> {

    /** The imported items of one owner and type among the given source ids; served by the unique source index. */
    List<Item> findByUserIdAndItemTypeAndSourceIdIn(long userId, String itemType, Collection<String> sourceIds);
}
