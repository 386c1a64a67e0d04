package systems.rala.service.web;

import java.util.List;

/**
 * One page of a longer list.
 *
 * @param items this page, in the list's order
 * @param page the page's number, from 0
 * @param size the most items a page holds
 * @param total items in the whole list
 */
public record Page<T>(List<T> items, int page, int size, long total) {

    public static final int MAX_SIZE = 200;

    /** Checks {@code page} and {@code size} as given in a query, naming the parameter at fault. */
    public static void check(int page, int size) {
        if (page < 0) {
            throw new ApiException.Invalid("page", "must be 0 or more");
        }
        if (size < 1 || size > MAX_SIZE) {
            throw new ApiException.Invalid("size", "must be between 1 and " + MAX_SIZE);
        }
    }

    /** Rows to skip for {@code page}. */
    public static long offset(int page, int size) {
        return (long) page * size;
    }
}
