package im.tariff.compile;

import im.tariff.i18n.Messages;
import java.io.ByteArrayInputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.drools.decisiontable.InputType;
import org.drools.decisiontable.SpreadsheetCompiler;
import org.drools.decisiontable.parser.ActionType;
import org.drools.decisiontable.parser.DefaultRuleSheetListener;
import org.drools.template.parser.DataListener;

/**
 * A decision table of a rules folder: a {@code .drl.csv} file (UTF-8, one rule a row; the bundled rules use it, so
 * a change reads as a one-line diff), or the first sheet of a {@code .drl.xlsx} / {@code .drl.xls} workbook.
 * drools-decisiontables' own listener turns the rows into DRL (one rule a row, named by its NAME cell); this class
 * keeps the way back, from every line (and every stretch of a line) of that DRL to the cell that wrote it, so that
 * whatever is said about a rule made from a row names the cell as a spreadsheet does ({@code file:row:column},
 * row from 1, column A, B, …), never a line of the generated DRL.
 * <p>
 * It is stricter than Drools where Drools guesses: a column header must be written in full (Drools reads any word
 * by its first letter, so "PRICE" would be a PRIORITY column), a quote in a CSV cell must enclose the whole cell,
 * and the cells of a statement written across several ACTION columns (a code cell that does not end with ';') are
 * filled together or not at all.
 */
public final class DecisionTable {

    /** A cell as a spreadsheet names it: its row (from 1) and its column letters. */
    public record Cell(int row, String column) {

        @Override
        public String toString() {
            return column + row;
        }
    }

    /** A problem of the table itself, at a cell; the table compiles to nothing while it has any. */
    public record Problem(Cell cell, String message) {
    }

    private static final Pattern RULE_VALUES = Pattern.compile("^// rule values at ([A-Z]+)(\\d+), header at ([A-Z]+)(\\d+)");
    private static final Pattern CELL_NAME = Pattern.compile("\\b([A-Z]{1,3})(\\d{1,7})\\b");
    private static final Set<String> HEADERS = headers();

    private final String drl;
    private final List<Problem> problems;
    /** DRL line (from 1) → the cell the whole line is said to come from. */
    private final Map<Integer, Cell> lineCells;
    /** DRL line → stretches of the line and the cell each came from. */
    private final Map<Integer, List<Span>> spans;
    /** Rule name → the cell that names it (its NAME cell, else the row's first cell). */
    private final Map<String, Cell> ruleCells;
    /** A table's data cell → the code cell (the snippet) of its column. */
    private final Map<Cell, Cell> codeCells;

    private record Span(int from, int to, Cell cell) {
    }

    private DecisionTable(String drl, List<Problem> problems, Map<Integer, Cell> lineCells,
                          Map<Integer, List<Span>> spans, Map<String, Cell> ruleCells, Map<Cell, Cell> codeCells) {
        this.drl = drl;
        this.problems = List.copyOf(problems);
        this.lineCells = lineCells;
        this.spans = spans;
        this.ruleCells = ruleCells;
        this.codeCells = codeCells;
    }

    /** True for the name of a table file: {@code .drl.csv}, {@code .drl.xlsx}, {@code .drl.xls}. */
    public static boolean isTable(String name) {
        String n = name.toLowerCase(Locale.ROOT);
        return n.endsWith(".drl.csv") || n.endsWith(".drl.xlsx") || n.endsWith(".drl.xls");
    }

    /** The DRL the table compiles to (empty while the table has problems). */
    public String drl() {
        return drl;
    }

    /** What is wrong with the table itself, each at its cell; empty for a good table. */
    public List<Problem> problems() {
        return problems;
    }

    /**
     * The cell that wrote a line of the generated DRL, at a character of it when known ({@code charColumn} from
     * 0; -1 for the line as a whole); null for a line no cell wrote.
     */
    public Cell cellAt(int line, int charColumn) {
        List<Span> onLine = spans.get(line);
        if (onLine != null && !onLine.isEmpty()) {
            if (charColumn >= 0) {
                Span best = null;
                for (Span s : onLine) {
                    if (s.from <= charColumn) {
                        best = s;
                    }
                    if (charColumn >= s.from && charColumn < s.to) {
                        return s.cell;
                    }
                }
                if (best != null) {
                    return best.cell;
                }
            }
            return onLine.get(0).cell;
        }
        return lineCells.get(line);
    }

    /** The cell naming a rule made from a row (its NAME cell, else the row's first cell); null for another rule. */
    public Cell ruleCell(String rule) {
        return ruleCells.get(rule);
    }

    /** The code cell (the snippet in the table's code row) of a data cell's column; null when not a data cell. */
    public Cell codeCell(Cell data) {
        return codeCells.get(data);
    }

    // ------------------------------------------------------------------------------------------------------------
    // reading

    /**
     * Reads a table file and compiles it to DRL; what is wrong with it comes back as {@link #problems()} in the
     * sheet's words, never as an exception.
     */
    public static DecisionTable read(String name, byte[] bytes, Messages words) {
        Grid grid = new Grid();
        List<Problem> problems = new ArrayList<>();
        if (name.toLowerCase(Locale.ROOT).endsWith(".csv")) {
            readCsv(bytes, grid, problems, words);
        } else {
            readWorkbook(bytes, grid, problems, words);
        }
        if (problems.isEmpty()) {
            checkStructure(grid, problems, words);
        }
        if (!problems.isEmpty()) {
            return failed(problems);
        }
        DefaultRuleSheetListener listener = new DefaultRuleSheetListener();
        String drl;
        try {
            grid.replay(listener);
            drl = new SpreadsheetCompiler().listenerToString(listener);
        } catch (RuntimeException e) {
            problems.add(translate(e, grid, words));
            return failed(problems);
        }
        return mapped(drl, grid);
    }

    private static DecisionTable failed(List<Problem> problems) {
        return new DecisionTable("", problems, Map.of(), Map.of(), Map.of(), Map.of());
    }

    /** Every cell of the sheet as read: row → column → text, and the merged stretch each belongs to. */
    private static final class Grid {
        final TreeMap<Integer, TreeMap<Integer, String>> rows = new TreeMap<>();
        final Map<Long, Integer> merged = new HashMap<>();
        final Map<Integer, Integer> widths = new HashMap<>();
        int lastRow = -1;

        void put(int row, int column, String value, int mergedStart) {
            lastRow = Math.max(lastRow, row);
            if (value == null || value.isBlank()) {
                return;
            }
            rows.computeIfAbsent(row, r -> new TreeMap<>()).put(column, value);
            if (mergedStart != DataListener.NON_MERGED) {
                merged.put(key(row, column), mergedStart);
            }
        }

        String get(int row, int column) {
            TreeMap<Integer, String> r = rows.get(row);
            return r == null ? null : r.get(column);
        }

        static long key(int row, int column) {
            return ((long) row << 20) | column;
        }

        /** Feeds the cells to a Drools listener as its own parsers do. */
        void replay(DataListener listener) {
            listener.startSheet("Sheet1");
            for (int r = 0; r <= lastRow; r++) {
                TreeMap<Integer, String> cells = rows.get(r);
                listener.newRow(r, widths.getOrDefault(r, cells == null ? 0 : cells.lastKey() + 1));
                if (cells != null) {
                    for (Map.Entry<Integer, String> c : cells.entrySet()) {
                        listener.newCell(r, c.getKey(), c.getValue(),
                                merged.getOrDefault(key(r, c.getKey()), DataListener.NON_MERGED));
                    }
                }
            }
            listener.finishSheet();
        }
    }

    /**
     * RFC 4180 CSV in UTF-8 (a byte order mark is skipped): fields separated by commas, a field that holds a
     * comma, a quote or a line break enclosed in quotes, a quote inside written twice. A cell ending in "..." is
     * merged with the cells before it, as Drools' CSV reader does.
     */
    private static void readCsv(byte[] bytes, Grid grid, List<Problem> problems, Messages words) {
        String text;
        try {
            CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT).onUnmappableCharacter(CodingErrorAction.REPORT);
            text = decoder.decode(ByteBuffer.wrap(bytes)).toString();
        } catch (CharacterCodingException e) {
            int bad = firstBadByte(bytes);
            int row = 1;
            for (int i = 0; i < bad; i++) {
                row += bytes[i] == '\n' ? 1 : 0;
            }
            problems.add(new Problem(new Cell(row, "A"), words.format("table.notUtf8", row)));
            return;
        }
        if (text.startsWith("\uFEFF")) {
            text = text.substring(1);
        }
        int row = 0;
        int col = 0;
        int i = 0;
        int n = text.length();
        List<String> record = new ArrayList<>();
        StringBuilder field = new StringBuilder();
        boolean quoted = false;
        boolean wasQuoted = false;
        int quoteRow = 0;
        int quoteCol = 0;
        while (i < n) {
            char c = text.charAt(i);
            if (quoted) {
                if (c == '"') {
                    if (i + 1 < n && text.charAt(i + 1) == '"') {
                        field.append('"');
                        i += 2;
                        continue;
                    }
                    quoted = false;
                    i++;
                    if (i < n && text.charAt(i) != ',' && text.charAt(i) != '\n' && text.charAt(i) != '\r') {
                        problems.add(new Problem(new Cell(row + 1, column(col)), words.format("table.quote")));
                        return;
                    }
                    continue;
                }
                field.append(c);
                i++;
                continue;
            }
            if (c == '"') {
                if (field.length() > 0 || wasQuoted) {
                    problems.add(new Problem(new Cell(row + 1, column(col)), words.format("table.quote")));
                    return;
                }
                quoted = true;
                wasQuoted = true;
                quoteRow = row;
                quoteCol = col;
                i++;
            } else if (c == ',') {
                record.add(field.toString());
                field.setLength(0);
                wasQuoted = false;
                col++;
                i++;
            } else if (c == '\r' || c == '\n') {
                record.add(field.toString());
                field.setLength(0);
                wasQuoted = false;
                addCsvRow(grid, row, record);
                record.clear();
                row++;
                col = 0;
                i += c == '\r' && i + 1 < n && text.charAt(i + 1) == '\n' ? 2 : 1;
            } else {
                field.append(c);
                i++;
            }
        }
        if (quoted) {
            problems.add(new Problem(new Cell(quoteRow + 1, column(quoteCol)), words.format("table.unclosedQuote")));
            return;
        }
        if (field.length() > 0 || !record.isEmpty() || wasQuoted) {
            record.add(field.toString());
            addCsvRow(grid, row, record);
        }
    }

    private static void addCsvRow(Grid grid, int row, List<String> record) {
        grid.widths.put(row, record.size());
        grid.lastRow = Math.max(grid.lastRow, row);
        int mergeStart = DataListener.NON_MERGED;
        for (int col = 0; col < record.size(); col++) {
            String cell = record.get(col);
            if (cell.endsWith("...") && mergeStart == DataListener.NON_MERGED) {
                mergeStart = col;
            } else if (!cell.endsWith("...")) {
                mergeStart = DataListener.NON_MERGED;
            }
            if (mergeStart != DataListener.NON_MERGED) {
                cell = cell.substring(0, cell.length() - 3);
            }
            grid.put(row, col, cell, mergeStart);
        }
    }

    private static int firstBadByte(byte[] bytes) {
        CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT).onUnmappableCharacter(CodingErrorAction.REPORT);
        ByteBuffer in = ByteBuffer.wrap(bytes);
        java.nio.CharBuffer out = java.nio.CharBuffer.allocate(bytes.length + 1);
        decoder.decode(in, out, true);
        return in.position();
    }

    /** The first sheet of a workbook, read by Drools' own Excel reader (merged cells, formulas, number formats). */
    private static void readWorkbook(byte[] bytes, Grid grid, List<Problem> problems, Messages words) {
        DataListener recorder = new DataListener() {
            @Override
            public void startSheet(String name) {
            }

            @Override
            public void finishSheet() {
            }

            @Override
            public void newRow(int rowNumber, int columns) {
                grid.widths.put(rowNumber, columns);
                grid.lastRow = Math.max(grid.lastRow, rowNumber);
            }

            @Override
            public void newCell(int row, int column, String value, int mergedColStart) {
                grid.put(row, column, value, mergedColStart);
            }
        };
        // Drools' reader asks its rule listener how to format numbers: one that never stops reading
        DefaultRuleSheetListener settings = new DefaultRuleSheetListener() {
            @Override
            public void newCell(int row, int column, String value, int mergedColStart) {
                try {
                    super.newCell(row, column, value, mergedColStart);
                } catch (RuntimeException ignored) {
                    // the real listener, on the replay, reports it at its cell
                }
            }

            @Override
            public void finishSheet() {
                try {
                    super.finishSheet();
                } catch (RuntimeException ignored) {
                    // as above
                }
            }
        };
        try {
            InputType.XLS.createParser(List.of(settings, recorder)).parseFile(new ByteArrayInputStream(bytes));
        } catch (RuntimeException | LinkageError e) {
            // LinkageError: a program that embeds the engine without the workbook reader (Apache POI)
            problems.add(new Problem(new Cell(1, "A"), words.format("table.unreadable", firstLine(e))));
        }
    }

    // ------------------------------------------------------------------------------------------------------------
    // structure

    /** One RuleTable of the sheet: where it starts and what each of its columns is. */
    private static final class Table {
        int start;          // row of the RuleTable cell (from 0)
        int startColumn;
        final TreeMap<Integer, String> types = new TreeMap<>();   // column → CONDITION, ACTION, NAME, …
        final List<Integer> dataRows = new ArrayList<>();

        int codeRow() {
            return start + 3;
        }

        int labelRow() {
            return start + 4;
        }
    }

    /** The sheet's RuleTables, their columns and data rows, found as Drools' listener finds them. */
    private static List<Table> tables(Grid grid) {
        List<Table> tables = new ArrayList<>();
        Table current = null;
        int ruleRow = -1;   // as the listener counts: the row of the rule being filled; a gap after it ends the table
        for (Map.Entry<Integer, TreeMap<Integer, String>> row : grid.rows.entrySet()) {
            int r = row.getKey();
            Integer tableAt = null;
            for (Map.Entry<Integer, String> c : row.getValue().entrySet()) {
                if (c.getValue().trim().toLowerCase(Locale.ROOT).startsWith("ruletable")) {
                    tableAt = c.getKey();
                    break;
                }
            }
            if (tableAt != null) {
                current = new Table();
                current.start = r;
                current.startColumn = tableAt;
                tables.add(current);
                ruleRow = current.labelRow() + 1;
                continue;
            }
            if (current == null) {
                continue;
            }
            if (r == current.start + 1) {
                for (Map.Entry<Integer, String> c : row.getValue().entrySet()) {
                    if (c.getKey() >= current.startColumn) {
                        current.types.put(c.getKey(), c.getValue().trim());
                    }
                }
            } else if (r > current.labelRow()) {
                int from = current.startColumn;
                if (row.getValue().keySet().stream().noneMatch(c -> c >= from)) {
                    continue;
                }
                if (r - ruleRow > 1) {
                    current = null; // a gap ends the table
                    continue;
                }
                if (r > ruleRow) {
                    ruleRow++;
                }
                current.dataRows.add(r);
            }
        }
        return tables;
    }

    /** Headers written in full, statements filled together (see the class comment). */
    private static void checkStructure(Grid grid, List<Problem> problems, Messages words) {
        List<Table> tables = tables(grid);
        if (tables.isEmpty()) {
            problems.add(new Problem(new Cell(1, "A"), words.format("table.noRuleTable")));
            return;
        }
        for (Table t : tables) {
            for (Map.Entry<Integer, String> type : t.types.entrySet()) {
                if (!HEADERS.contains(type.getValue().toUpperCase(Locale.ROOT))) {
                    problems.add(new Problem(new Cell(t.start + 2, column(type.getKey())),
                            words.format("table.unknownHeader", type.getValue())));
                }
            }
            if (!problems.isEmpty()) {
                continue;
            }
            List<List<Integer>> statements = statements(grid, t);
            for (int r : t.dataRows) {
                for (List<Integer> statement : statements) {
                    List<String> filled = new ArrayList<>();
                    List<Integer> empty = new ArrayList<>();
                    for (int c : statement) {
                        if (grid.get(r, c) != null) {
                            filled.add(heading(grid, t, c));
                        } else {
                            empty.add(c);
                        }
                    }
                    if (!filled.isEmpty()) {
                        for (int c : empty) {
                            problems.add(new Problem(new Cell(r + 1, column(c)), words.format("table.cellMissing",
                                    heading(grid, t, c), words.join(filled))));
                        }
                    }
                }
            }
        }
    }

    /** ACTION columns whose code cells make one statement together: a code cell not ending a statement goes on. */
    private static List<List<Integer>> statements(Grid grid, Table t) {
        List<List<Integer>> out = new ArrayList<>();
        List<Integer> open = null;
        for (Map.Entry<Integer, String> type : t.types.entrySet()) {
            if (!"ACTION".equalsIgnoreCase(type.getValue())) {
                continue;
            }
            String code = grid.get(t.codeRow(), type.getKey());
            String trimmed = code == null ? "" : code.trim();
            if (open == null) {
                open = new ArrayList<>();
            }
            open.add(type.getKey());
            if (trimmed.endsWith(";") || trimmed.endsWith("}")) {
                if (open.size() > 1) {
                    out.add(open);
                }
                open = null;
            }
        }
        if (open != null && open.size() > 1) {
            out.add(open);
        }
        return out;
    }

    /** A column's words for people: its label row, else its letter. */
    private static String heading(Grid grid, Table t, int column) {
        String label = grid.get(t.labelRow(), column);
        return label == null ? column(column) : label.trim();
    }

    private static final Pattern[] PARSE_ERRORS = {
            Pattern.compile("Invalid column header: (.*), should be"),
            Pattern.compile("does not have an 'ACTION' or 'CONDITION' column header|has an empty column header"),
            Pattern.compile("does not contain any code specification"),
            Pattern.compile("Maximum number of (\\S+)/\\S+ columns is (\\d+)"),
            Pattern.compile("Priority is not an integer literal|Duration is not an integer literal"),
            Pattern.compile("snippets in the row that is meant for object declarations"),
            Pattern.compile("Unexpected content \"(.*)\" in cell"),
            Pattern.compile("No code snippet for"),
            Pattern.compile("No RuleTable cells in spreadsheet"),
    };
    private static final String[] PARSE_KEYS = {"table.unknownHeader", "table.noHeader", "table.noCode",
            "table.tooMany", "table.notInteger", "table.objectRow", "table.unexpected", "table.noCode",
            "table.noRuleTable"};

    /** Drools' own refusal of a table, in the sheet's words, at the cell it names. */
    private static Problem translate(RuntimeException e, Grid grid, Messages words) {
        String message = firstLine(e);
        Cell at = new Cell(1, "A");
        Matcher cell = CELL_NAME.matcher(message);
        while (cell.find()) {
            at = new Cell(Integer.parseInt(cell.group(2)), cell.group(1));
        }
        for (int i = 0; i < PARSE_ERRORS.length; i++) {
            Matcher m = PARSE_ERRORS[i].matcher(message);
            if (m.find()) {
                Object[] args = new Object[m.groupCount()];
                for (int g = 0; g < args.length; g++) {
                    args[g] = m.group(g + 1);
                }
                return new Problem(at, words.format(PARSE_KEYS[i], args));
            }
        }
        return new Problem(at, words.format("table.unreadable", message));
    }

    private static String firstLine(Throwable e) {
        Throwable t = e;
        while (t.getMessage() == null && t.getCause() != null && t.getCause() != t) {
            t = t.getCause();
        }
        String m = String.valueOf(t.getMessage());
        int nl = m.indexOf('\n');
        return nl < 0 ? m : m.substring(0, nl);
    }

    private static Set<String> headers() {
        Set<String> out = new TreeSet<>();
        for (ActionType.Code code : ActionType.Code.values()) {
            out.add(code.getColHeader());
        }
        return Collections.unmodifiableSet(out);
    }

    /** Column letters of a column from 0: A … Z, AA, … */
    static String column(int index) {
        StringBuilder sb = new StringBuilder();
        int i = index + 1;
        while (i > 0) {
            int rem = (i - 1) % 26;
            sb.insert(0, (char) ('A' + rem));
            i = (i - 1) / 26;
        }
        return sb.toString();
    }

    // ------------------------------------------------------------------------------------------------------------
    // the way back from the DRL to the cells

    private static DecisionTable mapped(String drl, Grid grid) {
        List<Table> tables = tables(grid);
        Map<Integer, Table> byStart = new HashMap<>();
        for (Table t : tables) {
            byStart.put(t.start, t);
        }
        Map<Integer, Cell> lineCells = new HashMap<>();
        Map<Integer, List<Span>> spans = new HashMap<>();
        Map<String, Cell> ruleCells = new LinkedHashMap<>();
        Map<Cell, Cell> codeCells = new HashMap<>();
        for (Table t : tables) {
            for (int r : t.dataRows) {
                for (int c : t.types.keySet()) {
                    if (grid.get(r, c) != null) {
                        Cell data = new Cell(r + 1, column(c));
                        codeCells.put(data, new Cell(t.codeRow() + 1, column(c)));
                    }
                }
            }
        }
        String[] lines = drl.split("\n", -1);
        Cell first = firstCell(grid);
        int i = 0;
        // the head: package, imports, globals, functions, queries, declarations
        while (i < lines.length && !RULE_VALUES.matcher(lines[i]).find()) {
            lineCells.put(i + 1, headCell(lines[i], grid, tables, first));
            i++;
        }
        while (i < lines.length) {
            Matcher m = RULE_VALUES.matcher(lines[i]);
            if (!m.find()) {
                i++;
                continue;
            }
            int row = Integer.parseInt(m.group(2)) - 1;
            Table t = byStart.get(Integer.parseInt(m.group(4)) - 1);
            Cell rowCell = new Cell(row + 1, m.group(1));
            if (t != null) {
                for (Map.Entry<Integer, String> type : t.types.entrySet()) {
                    if ("NAME".equalsIgnoreCase(type.getValue()) && grid.get(row, type.getKey()) != null) {
                        rowCell = new Cell(row + 1, column(type.getKey()));
                    }
                }
            }
            lineCells.put(i + 1, rowCell);
            int end = i + 1;
            while (end < lines.length && !lines[end].trim().equals("end")) {
                end++;
            }
            int when = -1;
            int then = -1;
            for (int k = i + 1; k < end; k++) {
                lineCells.put(k + 1, rowCell);
                String trimmed = lines[k].trim();
                if (when < 0 && trimmed.equals("when")) {
                    when = k;
                } else if (then < 0 && trimmed.equals("then")) {
                    then = k;
                }
                Matcher rule = Pattern.compile("^\\s*rule\\s+\"(.*)\"").matcher(lines[k]);
                if (rule.find()) {
                    ruleCells.put(rule.group(1).replace("\\\"", "\""), rowCell);
                }
            }
            if (end < lines.length) {
                lineCells.put(end + 1, rowCell);
            }
            if (t != null && when >= 0 && then >= 0) {
                place(grid, t, row, "CONDITION", lines, when + 1, then, spans);
                place(grid, t, row, "ACTION", lines, then + 1, end, spans);
                place(grid, t, row, null, lines, i + 1, when, spans);   // attributes and metadata
            }
            i = end + 1;
        }
        return new DecisionTable(drl, List.of(), lineCells, spans, ruleCells, codeCells);
    }

    /**
     * Finds each value of the row's columns of one kind in the DRL lines [from, to), in column order, and
     * records the stretch it occupies with its cell.
     */
    private static void place(Grid grid, Table t, int row, String kind, String[] lines, int from, int to,
                              Map<Integer, List<Span>> spans) {
        int line = from;
        int offset = 0;
        for (Map.Entry<Integer, String> type : t.types.entrySet()) {
            String k = type.getValue().toUpperCase(Locale.ROOT);
            boolean wanted = kind == null ? !k.equals("CONDITION") && !k.equals("ACTION") && !k.equals("NAME")
                    && !k.equals("DESCRIPTION") : k.equals(kind);
            String value = grid.get(row, type.getKey());
            if (!wanted || value == null) {
                continue;
            }
            Cell cell = new Cell(row + 1, column(type.getKey()));
            int[] found = null;
            for (String probe : probes(value)) {
                found = find(lines, probe, line, offset, to);
                if (found == null) {
                    found = find(lines, probe, from, 0, to);
                }
                if (found != null) {
                    break;
                }
            }
            if (found == null) {
                continue;
            }
            int l = found[0];
            List<Span> onLine = spans.computeIfAbsent(l + 1, x -> new ArrayList<>());
            onLine.add(new Span(found[1], found[2], cell));
            onLine.sort(java.util.Comparator.comparingInt(Span::from));
            line = l;
            offset = found[2];
        }
    }

    /** The texts a cell's value may be written as in the DRL: as is, its quotes escaped, its first part. */
    private static List<String> probes(String value) {
        String v = value.trim();
        List<String> out = new ArrayList<>();
        if (v.length() >= 2 && v.startsWith("\"") && v.endsWith("\"")) {
            out.add(v.substring(1, v.length() - 1));
        }
        out.add(v);
        out.add(v.replace("\"", "\\\""));
        out.add(v.replace("\n", "\\n").replace("\r", ""));
        int comma = v.indexOf(',');
        if (comma > 0) {
            out.add(v.substring(0, comma).trim());
        }
        out.removeIf(String::isEmpty);
        return out;
    }

    /** {line, from, to} of text in lines [line, to) from offset on the first line, or null. */
    private static int[] find(String[] lines, String text, int line, int offset, int to) {
        for (int l = line; l < to && l < lines.length; l++) {
            int at = lines[l].indexOf(text, l == line ? offset : 0);
            if (at >= 0) {
                return new int[] {l, at, at + text.length()};
            }
        }
        return null;
    }

    /** The cell of a line of the DRL's head: the cell outside the tables whose text the line holds. */
    private static Cell headCell(String line, Grid grid, List<Table> tables, Cell first) {
        String t = line.trim();
        if (t.isEmpty() || t.startsWith("//")) {
            return first;
        }
        String key = t.replaceFirst("^(package|import|global)\\s+", "").replaceAll(";\\s*$", "").trim();
        for (Map.Entry<Integer, TreeMap<Integer, String>> row : grid.rows.entrySet()) {
            boolean inTable = false;
            for (Table table : tables) {
                inTable |= row.getKey() >= table.start && (table.dataRows.isEmpty() ? row.getKey() <= table.labelRow()
                        : row.getKey() <= table.dataRows.get(table.dataRows.size() - 1));
            }
            if (inTable) {
                continue;
            }
            for (Map.Entry<Integer, String> c : row.getValue().entrySet()) {
                if (!key.isEmpty() && c.getValue().contains(key)) {
                    return new Cell(row.getKey() + 1, column(c.getKey()));
                }
            }
        }
        return first;
    }

    private static Cell firstCell(Grid grid) {
        if (grid.rows.isEmpty()) {
            return new Cell(1, "A");
        }
        Map.Entry<Integer, TreeMap<Integer, String>> row = grid.rows.firstEntry();
        return new Cell(row.getKey() + 1, column(row.getValue().firstKey()));
    }
}
