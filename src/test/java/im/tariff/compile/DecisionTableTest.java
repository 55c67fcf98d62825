package im.tariff.compile;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import im.tariff.evaluate.EvaluationException;
import im.tariff.evaluate.Evaluator;
import im.tariff.io.BillWriter;
import im.tariff.model.Bill;
import im.tariff.proof.TariffCheck;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Decision tables (src/test/resources/tariffs/tables: prices.drl.csv) work as DRL does, and whatever is said about
 * a rule made from a row is said at the table's cell (file:row:column), never at a line of the generated DRL: a
 * compile error, a lint finding, a term refused at run time, a code the catalog does not declare, a cell left
 * empty, a header Drools would misread. A workbook (.drl.xlsx, made here with POI) works the same.
 */
class DecisionTableTest {

    private static final Path FIXTURE = Path.of("src/test/resources/tariffs/tables");
    private static final String PAID_ALL = "{\"appId\":\"2\",\"billingMonth\":\"2026-10\",\"plan\":\"PAID\","
            + "\"addOns\":[{\"type\":\"BACKUP\"},{\"type\":\"ARCHIVE\",\"months\":12}],\"usage\":{\"seats\":500}}";

    @TempDir
    Path dir;

    /** The fixture copied to the temp folder, its table edited: {@code from} replaced once by {@code to}. */
    private Path sheet(String from, String to) throws Exception {
        Files.copy(FIXTURE.resolve("catalog.drl"), dir.resolve("catalog.drl"));
        String table = Files.readString(FIXTURE.resolve("prices.drl.csv"), StandardCharsets.UTF_8);
        if (from != null) {
            assertThat(table).contains(from);
            table = table.replaceFirst(java.util.regex.Pattern.quote(from), java.util.regex.Matcher.quoteReplacement(to));
        }
        Files.writeString(dir.resolve("prices.drl.csv"), table, StandardCharsets.UTF_8);
        return dir;
    }

    private String at(String cell) {
        return dir.resolve("prices.drl.csv") + ":" + cell;
    }

    private static Evaluator compile(Path folder) throws Exception {
        return Evaluator.compile(RuleSource.fromDirectory(folder));
    }

    private static List<String> problems(Path folder) {
        RuleCompilationException e = catchThrowableOfType(() -> compile(folder), RuleCompilationException.class);
        assertThat(e).as("the rules compile, but should not").isNotNull();
        return e.problems().stream().map(RuleProblem::toString).toList();
    }

    @Test
    void eachRowIsARuleNamedByItsNameCellAndBillsAsTheSameRuleInDrlWould() throws Exception {
        Evaluator table = compile(sheet(null, null));
        Map<String, String> drl = new TreeMap<>();
        drl.put("catalog.drl", Files.readString(FIXTURE.resolve("catalog.drl")));
        drl.put("prices.drl", """
                package fixture;
                import im.tariff.model.*;
                rule "free plan" when Account(plan == "FREE") then
                    insert(Fee.plan(kcontext, "PLAN_FEE", "0.00", "Free plan"));
                    insert(Limit.of(kcontext, "SEATS", 3));
                end
                rule "paid plan" when Account(plan == "PAID") then
                    insert(Fee.plan(kcontext, "PLAN_FEE", "100.00", "Paid plan"));
                    insert(Limit.unlimited(kcontext, "SEATS"));
                end
                rule "paid backup" when Account(plan == "PAID") $a : AddOn(type == "BACKUP") then
                    insert(Fee.addOn(kcontext, "BACKUP", "ADDON_BACKUP", "10.00", "backup"));
                end
                rule "paid archive 12 months" when Account(plan == "PAID") $a : AddOn(type == "ARCHIVE") then
                    insert(Fee.option(kcontext, "ARCHIVE", 12, "ADDON_ARCHIVE", "30.00", "archive 12 months"));
                end
                rule "paid archive 24 months" when Account(plan == "PAID") $a : AddOn(type == "ARCHIVE") then
                    insert(Fee.option(kcontext, "ARCHIVE", 24, "ADDON_ARCHIVE", "50.00", "archive 24 months"));
                end
                """);
        Evaluator written = Evaluator.compile(new RuleSource("drl", drl));

        assertThat(table.ruleNames()).contains("free plan", "paid plan", "paid backup", "paid archive 12 months",
                "paid archive 24 months");
        for (String request : List.of(PAID_ALL,
                "{\"appId\":\"1\",\"billingMonth\":\"2026-10\",\"plan\":\"FREE\",\"usage\":{\"seats\":4}}",
                "{\"appId\":\"3\",\"billingMonth\":\"2026-10\",\"plan\":\"PAID\",\"planStartDate\":\"2026-10-15\","
                        + "\"addOns\":[{\"type\":\"ARCHIVE\",\"months\":24}]}")) {
            assertThat(json(table.evaluate(table.reader().read(request))))
                    .isEqualTo(json(written.evaluate(written.reader().read(request))));
        }
        Bill bill = table.evaluate(table.reader().read(PAID_ALL));
        assertThat(bill.lines()).extracting(l -> l.rule()).containsExactly("paid plan", "paid backup",
                "paid archive 12 months");
        assertThat(table.locator().where("paid backup").where()).isEqualTo(at("18:A"));
        assertThat(table.locator().where("paid plan").where()).isEqualTo(at("11:A"));
    }

    private static String json(Bill bill) {
        return BillWriter.toJson(bill).replaceAll("\"rulesVersion\":\"[0-9a-f]+\"", "");
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', quoteCharacter = '`', value = {
            "a quote inside a cell              | ,10.00,backup                  | ,10.00\",backup            | 18:E | a quote must enclose the whole cell",
            "a quote not closed                 | ,10.00,backup                  | ,\"10.00,backup            | 18:E | quote",
            "a header Drools would read as PRIORITY | NAME,CONDITION,CONDITION,ACTION,ACTION,ACTION | NAME,CONDITION,CONDITION,ACTION,PRICE,ACTION | 14:E | unknown column header \"PRICE\"",
            "a cell of a statement left empty   | ,10.00,backup                  | ,,backup                   | 18:E | the cell \"price\" is empty",
            "a value in a column without header | ,10.00,backup                  | ,10.00,backup,weekly       | 18:G | this cell is in a column without a header",
            "a month that is no number          | ,ARCHIVE,24,                   | ,ARCHIVE,24x,              | 26:D | \"paid archive 24 months\"",
            "a code cell written wrong          | `insert(Fee.option(kcontext, $a.type(), $param,` | `insert(Fee.option(kcontext $a.type(), $param,` | 23:D | every row of this column fails alike",
            "a code cell reaching the system    | `insert(Limit.of(kcontext, \"\"SEATS\"\", \"\"$param\"\"));` | `insert(Limit.of(kcontext, \"\"SEATS\"\", \"\"$param\"\")); System.exit(1);` | 8:F | System",
    })
    void aBrokenCellIsReportedAtItsRowAndColumn(String what, String from, String to, String cell, String words)
            throws Exception {
        List<String> problems = problems(sheet(from, to));

        assertThat(problems).as(what).isNotEmpty().allSatisfy(p -> assertThat(p).doesNotContain(".drl.csv.drl"));
        assertThat(problems.get(0)).as(what).startsWith(at(cell) + ": ").contains(words.replace("\"\"", "\""));
    }

    @Test
    void aSheetWithoutRuleTableIsNoTable() throws Exception {
        sheet(null, null);
        Files.writeString(dir.resolve("prices.drl.csv"), "RuleSet,fixture\nrule,plan,price\nfree plan,FREE,0.00\n");

        assertThat(problems(dir)).singleElement().asString().startsWith(at("1:A") + ": the table has no RuleTable");
    }

    @Test
    void aCellThatIsNotUtf8IsFoundOnItsRow() throws Exception {
        sheet(null, null);
        byte[] text = Files.readAllBytes(dir.resolve("prices.drl.csv"));
        String s = new String(text, StandardCharsets.UTF_8);
        int at = s.getBytes(StandardCharsets.UTF_8).length - s.substring(s.indexOf("paid backup")).getBytes(StandardCharsets.UTF_8).length;
        text[at] = (byte) 0xFF;
        Files.write(dir.resolve("prices.drl.csv"), text);

        assertThat(problems(dir)).containsExactly(at("18:A") + ": the table is not UTF-8 text (row 18 holds bytes "
                + "that cannot be read): save it as a UTF-8 CSV");
    }

    @Test
    void aNegativePriceIsRefusedAtRunTimeAtItsCellInBillsAndInCheck() throws Exception {
        Evaluator rules = compile(sheet(",10.00,backup", ",-10.00,backup"));

        EvaluationException e = catchThrowableOfType(() -> rules.evaluate(rules.reader().read(PAID_ALL)),
                EvaluationException.class);
        assertThat(e.where()).isEqualTo(at("18:E"));
        assertThat(e.getMessage()).startsWith(at("18:E") + ": the rule \"paid backup\" failed while firing: "
                + "a price cannot be negative: -10.00");
        assertThat(TariffCheck.find(rules, YearMonth.of(2026, 10))).extracting(RuleProblem::toString)
                .anySatisfy(p -> assertThat(p).startsWith(at("18:E") + ": "));
    }

    @Test
    void aCellNamingAnUndeclaredAddOnOrLineIsFoundByCheckAtThatCell() throws Exception {
        Evaluator addOn = compile(sheet("PAID,BACKUP,", "PAID,BACKUPP,"));
        assertThat(TariffCheck.find(addOn, YearMonth.of(2026, 10))).extracting(RuleProblem::toString)
                .contains(at("18:C") + ": the rule \"paid backup\" tests the add-on BACKUPP, which the catalog does "
                        + "not declare: the rule can never fire; check the spelling, or declare it in catalog.drl");

        Files.delete(dir.resolve("catalog.drl"));
        Evaluator line = compile(sheet(",ADDON_BACKUP,", ",ADDON_BACKUPP,"));
        assertThat(TariffCheck.find(line, YearMonth.of(2026, 10))).extracting(RuleProblem::toString)
                .contains(at("18:D") + ": the rule \"paid backup\" uses the line ADDON_BACKUPP, which the catalog does "
                        + "not declare: declare it in catalog.drl, or check the spelling");
    }

    @Test
    void aLimitCellTakesAWholeNumberOrUnlimited() throws Exception {
        Evaluator rules = compile(sheet(",Paid plan,unlimited", ",Paid plan,lots"));

        assertThat(TariffCheck.find(rules, YearMonth.of(2026, 10))).extracting(RuleProblem::toString)
                .anySatisfy(p -> assertThat(p).startsWith(at("11:F") + ": ")
                        .contains("the limit \"lots\" must be a whole number, or \"unlimited\""));
    }

    @Test
    void aWorkbookIsReadLikeTheCsvAndItsCellsAreNamedTheSameWay() throws Exception {
        sheet(null, null);
        List<List<String>> rows = csv(Files.readString(dir.resolve("prices.drl.csv"), StandardCharsets.UTF_8));
        Evaluator fromCsv = compile(dir);
        Files.delete(dir.resolve("prices.drl.csv"));
        Files.write(dir.resolve("prices.drl.xlsx"), workbook(rows, null));
        Evaluator fromXlsx = compile(dir);

        assertThat(json(fromXlsx.evaluate(fromXlsx.reader().read(PAID_ALL))))
                .isEqualTo(json(fromCsv.evaluate(fromCsv.reader().read(PAID_ALL))));
        assertThat(fromXlsx.locator().where("paid backup").where()).isEqualTo(dir.resolve("prices.drl.xlsx") + ":18:A");

        Files.write(dir.resolve("prices.drl.xlsx"), workbook(rows, "-10.00"));
        Evaluator broken = compile(dir);
        EvaluationException e = catchThrowableOfType(() -> broken.evaluate(broken.reader().read(PAID_ALL)),
                EvaluationException.class);
        assertThat(e.where()).isEqualTo(dir.resolve("prices.drl.xlsx") + ":18:E");
    }

    @Test
    void officeLockFilesAndHiddenFilesAreNoRuleFiles() {
        assertThat(RuleSource.isRuleFile("prices.drl.csv")).isTrue();
        assertThat(RuleSource.isRuleFile("prices.drl.xlsx")).isTrue();
        assertThat(RuleSource.isRuleFile("prices.drl.xls")).isTrue();
        assertThat(RuleSource.isRuleFile("plans.drl")).isTrue();
        assertThat(RuleSource.isRuleFile("~$prices.drl.xlsx")).isFalse();
        assertThat(RuleSource.isRuleFile(".prices.drl.csv")).isFalse();
        assertThat(RuleSource.isRuleFile("prices.csv")).isFalse();
    }

    /** The fixture's rows as a workbook of one sheet; the backup's price replaced when {@code price} is given. */
    private static byte[] workbook(List<List<String>> rows, String price) throws Exception {
        try (XSSFWorkbook wb = new XSSFWorkbook(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            Sheet sheet = wb.createSheet("prices");
            for (int r = 0; r < rows.size(); r++) {
                Row row = sheet.createRow(r);
                for (int c = 0; c < rows.get(r).size(); c++) {
                    String value = rows.get(r).get(c);
                    if (price != null && r == 17 && c == 4) {
                        value = price;
                    }
                    if (!value.isEmpty()) {
                        row.createCell(c).setCellValue(value);
                    }
                }
            }
            wb.write(out);
            return out.toByteArray();
        }
    }

    /** A small RFC 4180 reader for the fixture. */
    private static List<List<String>> csv(String text) {
        List<List<String>> rows = new ArrayList<>();
        List<String> row = new ArrayList<>();
        StringBuilder cell = new StringBuilder();
        boolean quoted = false;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (quoted) {
                if (c == '"' && i + 1 < text.length() && text.charAt(i + 1) == '"') {
                    cell.append('"');
                    i++;
                } else if (c == '"') {
                    quoted = false;
                } else {
                    cell.append(c);
                }
            } else if (c == '"') {
                quoted = true;
            } else if (c == ',') {
                row.add(cell.toString());
                cell.setLength(0);
            } else if (c == '\n') {
                row.add(cell.toString());
                cell.setLength(0);
                rows.add(row);
                row = new ArrayList<>();
            } else {
                cell.append(c);
            }
        }
        return rows;
    }
}
