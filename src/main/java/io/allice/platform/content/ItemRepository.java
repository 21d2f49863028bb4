package io.allice.platform.content;

import java.util.List;
import java.util.Optional;

import org.springframework.data.jpa.repository.JpaRepository;

interface ItemRepository extends JpaRepository<Item, Long>, ItemListQuery {

    Optional<Item> findByIdAndUserId(long id, long userId);
}
