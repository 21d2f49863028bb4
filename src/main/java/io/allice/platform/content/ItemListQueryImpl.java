package io.allice.platform.content;

import java.util.List;

import jakarta.persistence.EntityManager;
import jakarta.persistence.TypedQuery;

/**
 * Builds the list query with only the filters given, so each form uses one of the
 * {@code items_user_*_created_idx} indexes.
 */
class ItemListQueryImpl implements ItemListQuery {

    private final EntityManager entityManager;

    ItemListQueryImpl(EntityManager entityManager) {
        this.entityManager = entityManager;
    }

    @Override
    public List<Item> findPage(long userId, String itemType, ItemStatus status, int skip, int limit) {
        StringBuilder jpql = new StringBuilder("select i from Item i where i.userId = :userId");
        if (itemType != null) {
            jpql.append(" and i.itemType = :itemType");
        }
        if (status != null) {
            jpql.append(" and i.status = :status");
        }
        jpql.append(" order by i.createdAt desc, i.id desc");
        TypedQuery<Item> query = entityManager.createQuery(jpql.toString(), Item.class)
                .setParameter("userId", userId)
                .setFirstResult(skip)
                .setMaxResults(limit);
        if (itemType != null) {
            query.setParameter("itemType", itemType);
        }
        if (status != null) {
            query.setParameter("status", status);
        }
        return query.getResultList();
    }
}
