package im.tariff.meter;

import java.util.List;
import java.util.Map;

/**
 * One event source as an engine found it on disk: its format, its data files, and what the SQL needs to know of
 * them: for CSV the header row of each file, for Parquet the physical name and type of each needed column. The
 * engine registers the files as a view of raw records: {@code (file, split, idx, line)} for text (one record a
 * physical line, idx counted from 0 within the split) and {@code (file, split, idx, columns…)} for Parquet.
 */
record RawInput(String source, String path, Format format, List<String> files, Map<String, List<String>> headers,
                Map<String, ParquetColumn> columns, boolean filesByIndex) {

    enum Format { CSV, JSONL, PARQUET }

    /** How a Parquet column is read: as text, as a whole number, or as a timestamp. */
    enum ColType { TEXT, INTEGER, TIMESTAMP }

    record ParquetColumn(String physical, ColType type) {
    }

    /** How the raw view names a file: by its index in {@link #files} (filesByIndex) or by its path. */
    String fileKey(String file, Dialect d) {
        return filesByIndex ? Integer.toString(files.indexOf(file)) : d.str(file);
    }

    /** The same header row in every file: the SQL then uses fixed positions. */
    List<String> commonHeader() {
        List<String> first = null;
        for (List<String> h : headers.values()) {
            if (first == null) {
                first = h;
            } else if (!first.equals(h)) {
                return null;
            }
        }
        return first;
    }
}
