package io.allice.platform.content;

import org.springframework.data.jpa.repository.JpaRepository;

interface ItemRepository extends JpaRepository<Item, Long>, ItemListQuery {
}
