package dev.greenlight.critical.data;

import java.util.List;

/**
 * How Greenlight finds and deletes tagged rows in one application, through its API only: the app-specific
 * half of test-data cleanup. {@link TestDataLedger} decides what to delete; a store only lists and deletes.
 */
public interface TaggedDataStore {

    /**
     * Rows that may carry a tag with {@code tag.prefix()} in the shapes {@link RunTag} recognises: users by email,
     * posts by title or by a tagged author. Listing may be partial (an endpoint failed); {@link Found#problems()}
     * says what could not be looked at.
     */
    Found find(RunTag tag);

    /** Deletes one row; a row already gone is not an error. Throws with a readable message when the API refuses. */
    Deletion delete(TaggedRow row);

    /**
     * What a search found.
     *
     * @param rows     candidate rows, not yet filtered by exact shape
     * @param problems what could not be listed, for the report
     */
    record Found(List<TaggedRow> rows, List<String> problems) {
        public Found {
            rows = List.copyOf(rows);
            problems = List.copyOf(problems);
        }
    }

    /** The outcome of one deletion. */
    enum Deletion {
        DELETED,
        ALREADY_GONE,
        /** The application offers no way to delete this kind of row (e.g. no {@code testData.deleteUserPath}). */
        NOT_POSSIBLE
    }
}
