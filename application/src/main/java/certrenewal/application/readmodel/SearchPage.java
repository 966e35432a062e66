package certrenewal.application.readmodel;

import java.util.List;

/** One page of results, with the total across all pages. */
public record SearchPage<T>(List<T> rows, int page, int pageSize, long total) {
    public SearchPage {
        rows = List.copyOf(rows);
    }

    public int pages() {
        return (int) Math.max(1, (total + pageSize - 1) / pageSize);
    }
}
