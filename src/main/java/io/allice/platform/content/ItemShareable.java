package io.allice.platform.content;

import java.util.Optional;

import io.allice.platform.shared.error.ApiException;
import io.allice.platform.shared.sharing.ResourceType;
import io.allice.platform.shared.sharing.ShareableResource;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/** Lets items be shared: who owns one, and what a public link shows of it. */
@Component
class ItemShareable implements ShareableResource {

    private final ItemRepository items;

    ItemShareable(ItemRepository items) {
        this.items = items;
    }

    @Override
    public ResourceType type() {
        return ResourceType.ITEM;
    }

    @Override
    @Transactional(readOnly = true)
    public Optional<Long> ownerOf(long resourceId) {
        return items.findById(resourceId).map(Item::userId);
    }

    @Override
    @Transactional(readOnly = true)
    public Object publicView(long resourceId) {
        return items.findById(resourceId).map(ItemView::of)
                .orElseThrow(() -> ApiException.notFound("Item " + resourceId + " not found"));
    }
}
