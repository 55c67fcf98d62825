package im.tariff.meter;

import java.util.Collection;
import java.util.List;
import java.util.Locale;

/** What both engines check of an input before reading it: its format by name, a CSV header, Parquet columns. */
final class Inputs {
    private Inputs() {
    }

    static RawInput.Format format(String option, String name) throws BadInputException {
        return format(option, name, false);
    }

    /** The format by the file or folder name's extension; accounts are JSONL only. */
    static RawInput.Format format(String option, String name, boolean accounts) throws BadInputException {
        String n = name.toLowerCase(Locale.ROOT);
        if (n.endsWith(".jsonl") || n.endsWith(".ndjson") || n.endsWith(".json")) {
            return RawInput.Format.JSONL;
        }
        if (!accounts && n.endsWith(".csv")) {
            return RawInput.Format.CSV;
        }
        if (!accounts && n.endsWith(".parquet")) {
            return RawInput.Format.PARQUET;
        }
        throw new BadInputException(option + " " + name + ": cannot tell the format from the name; expected "
                + (accounts ? ".jsonl" : ".csv, .jsonl or .parquet"));
    }

    /** The column names of a CSV file's header row; every needed column must be there. */
    static List<String> header(String option, String file, String header, List<String> needed)
            throws BadInputException {
        if (header == null) {
            throw new BadInputException(option + " " + file + ": empty file, expected a header row "
                    + String.join(",", needed));
        }
        if (header.startsWith("\uFEFF")) {
            header = header.substring(1);
        }
        List<String> names = Csv.split(header);
        for (String c : needed) {
            if (!names.contains(c)) {
                throw new BadInputException(option + " " + file + ": the header row has no column " + c
                        + " (expected " + String.join(",", needed) + ")");
            }
        }
        return names;
    }

    /** The Parquet column that holds a needed column (names compared ignoring case). */
    static String findColumn(String option, String path, Collection<String> have, List<String> needed, String column)
            throws BadInputException {
        for (String h : have) {
            if (h.equalsIgnoreCase(column)) {
                return h;
            }
        }
        throw new BadInputException(option + " " + path + ": no column " + column + " (expected "
                + String.join(",", needed) + ")");
    }

    /**
     * How a Parquet column is read, from its type (text, integer, decimal, timestamp, floating, …): time as
     * epoch milliseconds or a timestamp or text; numbers as integers, decimals or text, never binary floating
     * point (the figures are exact); ids and dimension values as text.
     */
    static RawInput.ColType colType(String option, String path, Metering.Source s, String column, String type)
            throws BadInputException {
        if (column.equals(Metering.TIME)) {
            return switch (type) {
                case "integer" -> RawInput.ColType.INTEGER;
                case "timestamp" -> RawInput.ColType.TIMESTAMP;
                case "text" -> RawInput.ColType.TEXT;
                default -> throw new BadInputException(option + " " + path + ": column time is " + type
                        + "; expected epoch milliseconds (an integer), a timestamp or ISO-8601 text");
            };
        }
        if (type.equals("text")) {
            return RawInput.ColType.TEXT;
        }
        boolean number = s.columns().stream().anyMatch(c -> c.name().equals(column)
                && (c.kind() == Metering.Kind.WHOLE || c.kind() == Metering.Kind.DECIMAL));
        if (number && !type.equals("integer") && !type.equals("decimal")) {
            throw new BadInputException(option + " " + path + ": column " + column + " is " + type
                    + "; expected an integer, a decimal or text (figures are exact, never binary floating point)");
        }
        return RawInput.ColType.INTEGER;
    }
}
