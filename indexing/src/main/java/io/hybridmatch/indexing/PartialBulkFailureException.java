package io.hybridmatch.indexing;

import java.util.List;

/**
 * Elasticsearch refused some items of a bulk request for a transient reason (429, 5xx); the others are written
 * everywhere. Retry only {@link #failedItems()} (positions in the payload list).
 */
public class PartialBulkFailureException extends IndexingUnavailableException {

    private final transient List<Integer> failedItems;

    public PartialBulkFailureException(String message, List<Integer> failedItems) {
        super(message, null);
        this.failedItems = List.copyOf(failedItems);
    }

    public List<Integer> failedItems() {
        return failedItems;
    }
}
