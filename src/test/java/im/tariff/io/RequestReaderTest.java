package im.tariff.io;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import im.tariff.model.BillRequest;
import im.tariff.model.DailyUsage;
import im.tariff.model.Usage;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * docs/FORMAT.md: every bad request is refused whole (no BillRequest, hence no bill) with the JSON path of the
 * offending field. Requests are written as JSON text on purpose: that is what users send.
 */
class RequestReaderTest {

    private final RequestReader reader = im.tariff.evaluate.SharedEngine.reader();

    private static final String HEAD = "\"appId\": \"1400000001\", \"billingMonth\": \"2026-10\", \"plan\": \"PRO\"";

    /** A request with the required fields and the given extra members ('...' stands for double quotes). */
    private static String req(String extra) {
        return "{" + HEAD + (extra.isEmpty() ? "" : ", " + extra.replace('\'', '"')) + "}";
    }

    private static String usage(String members) {
        return req("'usage': {" + members + "}");
    }

    /** Reads json, expects it refused, and returns the field path it names. */
    private String refusedField(String json) {
        InvalidRequestException e = catchThrowableOfType(InvalidRequestException.class, () -> reader.read(json));
        assertThat(e).as("refused: %s", json).isNotNull();
        assertThat(e.reason()).isNotBlank();
        assertThat(e.getMessage()).startsWith(e.field() + ": ");
        return e.field();
    }

    // ---- what a valid request becomes ----

    @Test
    void theSpecExampleIsReadIntoFacts() throws Exception {
        BillRequest r = reader.read(req("'planStartDate': '2026-10-15', 'previousPlan': 'TRIAL', "
                + "'requestedPlan': 'FLAGSHIP', 'addOns': [{'type': 'GROUP_MEMBER_CAP'}, "
                + "{'type': 'HISTORY_STORAGE', 'days': 90}, {'type': 'SECURITY_ADVANCED', 'startDate': '2026-10-20'}], "
                + "'usage': {'peakDau': 25000, 'dailyGroups': [{'date': '2026-10-01', 'groups': 90000}], "
                + "'barrage': [{'date': '2026-10-03', 'region': 'DOMESTIC', 'peakMbps': 12.5}], 'users': 5000}"));

        assertThat(r.account().plan()).isEqualTo("PRO");
        assertThat(r.account().planStartDate()).isEqualTo(LocalDate.of(2026, 10, 15));
        assertThat(r.account().previousPlan()).isEqualTo("TRIAL");
        assertThat(r.account().requestedPlan()).isEqualTo("FLAGSHIP");
        assertThat(r.addOns()).extracting(a -> a.type()).containsExactly("GROUP_MEMBER_CAP",
                "HISTORY_STORAGE", "SECURITY_ADVANCED");
        assertThat(r.addOns().get(1).option()).isEqualTo(90);
        assertThat(r.addOns().get(2).startDate()).isEqualTo(LocalDate.of(2026, 10, 20));
        assertThat(r.usage()).contains(new Usage("DAU", 25000), new Usage("USERS", 5000));
        assertThat(r.daily()).hasSize(2);
        DailyUsage barrage = r.daily().stream().filter(d -> d.meter().equals("BARRAGE_BANDWIDTH")).findFirst().orElseThrow();
        assertThat(barrage.key()).isEqualTo("DOMESTIC");
        assertThat(barrage.value()).isEqualByComparingTo("12.5");
    }

    @Test
    void sameDateInDifferentBarrageRegionsIsFine() throws Exception {
        BillRequest r = reader.read(usage("'barrage': [{'date': '2026-10-03', 'region': 'DOMESTIC', 'peakMbps': 1},"
                + " {'date': '2026-10-03', 'region': 'INTERNATIONAL', 'peakMbps': 2}]"));

        assertThat(r.daily()).hasSize(2);
    }

    @Test
    void sameDateInDauAndGroupSeriesIsFine() throws Exception {
        BillRequest r = reader.read(usage("'dailyDau': [{'date': '2026-10-03', 'dau': 1}],"
                + " 'dailyGroups': [{'date': '2026-10-03', 'groups': 2}]"));

        assertThat(r.daily()).hasSize(2);
    }

    @Test
    void aPeakForOneFigureAndASeriesForTheOtherIsFine() throws Exception {
        BillRequest r = reader.read(usage("'peakDau': 5, 'dailyGroups': [{'date': '2026-10-03', 'groups': 2}]"));

        assertThat(r.usage()).containsExactly(new Usage("DAU", 5));
    }

    // ---- docs/FORMAT.md, one class at a time ----

    @ParameterizedTest(name = "malformed: {0}")
    @ValueSource(strings = {"", "{", "{\"appId\": }", "[1, 2]", "not json", "{\"appId\": \"1\"} trailing"})
    void malformedJsonNamesTheWholeDocument(String json) {
        assertThat(refusedField(json)).isEqualTo("$");
    }

    @Test
    void aKeyGivenTwiceIsNamedByItsPath() {
        assertThat(refusedField("{\"appId\": \"1\", \"plan\": \"PRO\", \"billingMonth\": \"2026-10\", "
                + "\"plan\": \"TRIAL\"}")).isEqualTo("plan");
        assertThat(refusedField(usage("'users': 1, 'users': 2"))).isEqualTo("usage.users");
        assertThat(refusedField(usage("'dailyDau': [{'date': '2026-10-01', 'dau': 1}, "
                + "{'date': '2026-10-02', 'dau': 1, 'dau': 2}]"))).isEqualTo("usage.dailyDau[1].dau");
        assertThat(refusedField(req("'addOns': [{'type': 'HISTORY_STORAGE', 'days': 90, 'days': 180}]")))
                .isEqualTo("addOns[0].days");
    }

    @Test
    void malformedJsonSaysWhere() {
        InvalidRequestException e = catchThrowableOfType(InvalidRequestException.class,
                () -> reader.read("{\n  \"appId\": \"1\",\n  \"plan\" \"PRO\"\n}"));

        assertThat(e.reason()).contains("第 3 行");
    }

    /** The seed tariff speaks Chinese; a tariff that declares English is refused in English, malformed JSON too. */
    @Test
    void refusalsAreInTheLanguageOfTheCatalog() throws Exception {
        RequestReader english = new RequestReader(im.tariff.compile.RuleCompiler.compile(
                im.tariff.compile.RuleSource.fromDirectory(java.nio.file.Path.of("src/test/resources/tariffs/mini")))
                .catalog());
        String outside = "{\"appId\": \"1\", \"billingMonth\": \"2026-10\", \"plan\": \"PAID\", \"planStartDate\": \"2026-11-01\"}";
        assertThat(catchThrowableOfType(InvalidRequestException.class, () -> english.read(outside)).reason())
                .isEqualTo("date 2026-11-01 is outside the billing month 2026-10");
        assertThat(catchThrowableOfType(InvalidRequestException.class, () -> english.read("{\n \"a\" 1}")).reason())
                .isEqualTo("malformed JSON at line 2, column 6: expected ':' after the field name, got '1'");
        String chinese = outside.replace("PAID", "PRO");
        assertThat(catchThrowableOfType(InvalidRequestException.class, () -> reader.read(chinese)).reason())
                .isEqualTo("日期 2026-11-01 不在账单月 2026-10 内");
        assertThat(catchThrowableOfType(InvalidRequestException.class, () -> reader.read("{\n \"a\" 1}")).reason())
                .isEqualTo("JSON 格式错误，第 2 行第 6 列：字段名之后应为 ':'，实际是 '1'");
    }

    @ParameterizedTest(name = "unknown field {1}")
    @CsvSource(delimiter = '|', value = {
            "'peakDAU': 5                                                          | usage.peakDAU",
            "'users': 5, 'Users': 6                                                | usage.Users",
            "'dailyDau': [{'date': '2026-10-01', 'dau': 1, 'users': 3}]           | usage.dailyDau[0].users",
            "'dailyGroups': [{'date': '2026-10-01', 'group': 1}]                  | usage.dailyGroups[0].group",
            "'barrage': [{'date': '2026-10-01', 'region': 'DOMESTIC', 'mbps': 1}] | usage.barrage[0].mbps"})
    void unknownUsageFieldIsNamedByItsPath(String members, String field) {
        assertThat(refusedField(usage(members))).isEqualTo(field);
    }

    @Test
    void unknownTopLevelField() {
        assertThat(refusedField(req("'planStart': '2026-10-01'"))).isEqualTo("planStart");
    }

    @Test
    void unknownAddOnField() {
        assertThat(refusedField(req("'addOns': [{'type': 'SECURITY_ADVANCED'}, {'type': 'HISTORY_STORAGE', "
                + "'day': 90}]"))).isEqualTo("addOns[1].day");
    }

    @Test
    void typoGetsAHint() {
        InvalidRequestException e = catchThrowableOfType(InvalidRequestException.class,
                () -> reader.read(usage("'peakDAU': 5")));

        assertThat(e.reason()).contains("peakDau");
    }

    @ParameterizedTest(name = "missing {0}")
    @ValueSource(strings = {"appId", "billingMonth", "plan"})
    void missingRequiredField(String field) {
        String json = "{" + HEAD.replaceAll("\"" + field + "\": \"[^\"]*\",? ?", "") + "}";
        json = json.replace(", }", "}").replace(",}", "}");

        assertThat(refusedField(json)).isEqualTo(field);
    }

    @Test
    void nullRequiredFieldIsMissing() {
        assertThat(refusedField("{\"appId\": null, \"billingMonth\": \"2026-10\", \"plan\": \"PRO\"}"))
                .isEqualTo("appId");
    }

    @ParameterizedTest(name = "unknown plan {0}")
    @ValueSource(strings = {"ENTERPRISE", "pro", "Pro", "专业", ""})
    void unknownPlan(String plan) {
        assertThat(refusedField("{\"appId\": \"1\", \"billingMonth\": \"2026-10\", \"plan\": \"" + plan + "\"}"))
                .isEqualTo("plan");
    }

    @Test
    void unknownPreviousAndRequestedPlan() {
        assertThat(refusedField(req("'previousPlan': 'GOLD'"))).isEqualTo("previousPlan");
        assertThat(refusedField(req("'requestedPlan': 'BASIC'"))).isEqualTo("requestedPlan");
    }

    @Test
    void unknownAddOnType() {
        assertThat(refusedField(req("'addOns': [{'type': 'GROUP_MEMBER_CAP'}, {'type': 'VIDEO_CALL'}]")))
                .isEqualTo("addOns[1].type");
    }

    @Test
    void unknownRegion() {
        assertThat(refusedField(usage("'barrage': [{'date': '2026-10-01', 'region': 'DOMESTIC', 'peakMbps': 1}, "
                + "{'date': '2026-10-02', 'region': 'EUROPE', 'peakMbps': 1}]"))).isEqualTo("usage.barrage[1].region");
    }

    @ParameterizedTest(name = "negative {1}")
    @CsvSource(delimiter = '|', value = {
            "'users': -1                                                             | usage.users",
            "'peakDau': -5                                                           | usage.peakDau",
            "'peakGroups': -1                                                        | usage.peakGroups",
            "'avChatRooms': -3                                                       | usage.avChatRooms",
            "'dailyDau': [{'date': '2026-10-01', 'dau': 1}, {'date': '2026-10-02', 'dau': -1}] | usage.dailyDau[1].dau",
            "'dailyGroups': [{'date': '2026-10-01', 'groups': -2}]                   | usage.dailyGroups[0].groups",
            "'barrage': [{'date': '2026-10-01', 'region': 'DOMESTIC', 'peakMbps': -0.5}] | usage.barrage[0].peakMbps"})
    void negativeFigure(String members, String field) {
        assertThat(refusedField(usage(members))).isEqualTo(field);
    }

    @Test
    void negativeHistoryDays() {
        assertThat(refusedField(req("'addOns': [{'type': 'HISTORY_STORAGE', 'days': -30}]")))
                .isEqualTo("addOns[0].days");
    }

    @ParameterizedTest(name = "non-integer {1}")
    @CsvSource(delimiter = '|', value = {
            "'peakDau': 1.5                                             | usage.peakDau",
            "'users': '12'                                              | usage.users",
            "'maxMembersPerGroup': true                                 | usage.maxMembersPerGroup",
            "'dailyDau': [{'date': '2026-10-01', 'dau': 2.5}]           | usage.dailyDau[0].dau",
            "'dailyGroups': [{'date': '2026-10-01', 'groups': '7'}]     | usage.dailyGroups[0].groups"})
    void nonIntegerCount(String members, String field) {
        assertThat(refusedField(usage(members))).isEqualTo(field);
    }

    @Test
    void historyDaysAsStringOrFraction() {
        assertThat(refusedField(req("'addOns': [{'type': 'HISTORY_STORAGE', 'days': '90'}]")))
                .isEqualTo("addOns[0].days");
        assertThat(refusedField(req("'addOns': [{'type': 'HISTORY_STORAGE', 'days': 90.5}]")))
                .isEqualTo("addOns[0].days");
    }

    @Test
    void peakMbpsAsString() {
        assertThat(refusedField(usage("'barrage': [{'date': '2026-10-01', 'region': 'DOMESTIC', 'peakMbps': '1'}]")))
                .isEqualTo("usage.barrage[0].peakMbps");
    }

    @ParameterizedTest(name = "date {0} outside 2026-10")
    @ValueSource(strings = {"2026-09-30", "2026-11-01", "2025-10-15"})
    void seriesDateOutsideTheBillingMonth(String date) {
        assertThat(refusedField(usage("'dailyDau': [{'date': '2026-10-01', 'dau': 1}, {'date': '2026-10-02', "
                + "'dau': 1}, {'date': '" + date + "', 'dau': 1}]"))).isEqualTo("usage.dailyDau[2].date");
        assertThat(refusedField(usage("'barrage': [{'date': '" + date + "', 'region': 'DOMESTIC', 'peakMbps': 1}]")))
                .isEqualTo("usage.barrage[0].date");
    }

    @ParameterizedTest(name = "invalid date {0}")
    @ValueSource(strings = {"2026-02-30", "2026-02-29", "2026-02-00", "2026-2-03", "03/02/2026", "2026-02-03T00:00"})
    void invalidDate(String date) {
        String json = "{\"appId\": \"1\", \"billingMonth\": \"2026-02\", \"plan\": \"PRO\", \"usage\": {\"dailyGroups\":"
                + " [{\"date\": \"" + date + "\", \"groups\": 1}]}}";

        assertThat(refusedField(json)).isEqualTo("usage.dailyGroups[0].date");
    }

    @Test
    void sameDateTwiceInASeries() {
        assertThat(refusedField(usage("'dailyDau': [{'date': '2026-10-01', 'dau': 1}, {'date': '2026-10-02', "
                + "'dau': 2}, {'date': '2026-10-01', 'dau': 3}]"))).isEqualTo("usage.dailyDau[2].date");
        assertThat(refusedField(usage("'dailyGroups': [{'date': '2026-10-05', 'groups': 1}, {'date': '2026-10-05', "
                + "'groups': 1}]"))).isEqualTo("usage.dailyGroups[1].date");
    }

    @Test
    void sameDateTwiceForTheSameBarrageRegion() {
        assertThat(refusedField(usage("'barrage': [{'date': '2026-10-03', 'region': 'DOMESTIC', 'peakMbps': 1}, "
                + "{'date': '2026-10-03', 'region': 'INTERNATIONAL', 'peakMbps': 1}, "
                + "{'date': '2026-10-03', 'region': 'DOMESTIC', 'peakMbps': 2}]"))).isEqualTo("usage.barrage[2].date");
    }

    @Test
    void bothPeakAndSeriesForTheSameFigure() {
        assertThat(refusedField(usage("'peakDau': 5, 'dailyDau': [{'date': '2026-10-01', 'dau': 1}]")))
                .isIn("usage.peakDau", "usage.dailyDau");
        assertThat(refusedField(usage("'dailyGroups': [{'date': '2026-10-01', 'groups': 1}], 'peakGroups': 5")))
                .isIn("usage.peakGroups", "usage.dailyGroups");
    }

    @Test
    void sameAddOnTwice() {
        assertThat(refusedField(req("'addOns': [{'type': 'SECURITY_ADVANCED'}, {'type': 'GROUP_MEMBER_CAP'}, "
                + "{'type': 'SECURITY_ADVANCED', 'startDate': '2026-10-20'}]"))).isEqualTo("addOns[2].type");
        assertThat(refusedField(req("'addOns': [{'type': 'HISTORY_STORAGE', 'days': 90}, "
                + "{'type': 'HISTORY_STORAGE', 'days': 180}]"))).isEqualTo("addOns[1].type");
    }

    @ParameterizedTest(name = "planStartDate {0}")
    @ValueSource(strings = {"2026-09-30", "2026-11-01", "2026-10-32", "2026-10"})
    void planStartDateOutsideTheMonthOrInvalid(String date) {
        assertThat(refusedField(req("'planStartDate': '" + date + "'"))).isEqualTo("planStartDate");
    }

    @Test
    void addOnStartDateOutsideTheMonth() {
        assertThat(refusedField(req("'addOns': [{'type': 'GROUP_MEMBER_CAP', 'startDate': '2026-11-01'}]")))
                .isEqualTo("addOns[0].startDate");
    }

    @ParameterizedTest(name = "billingMonth {0}")
    @ValueSource(strings = {"2026-13", "2026-00", "2026/10", "202610", "2026-1", "2026-10-01", "Oct 2026", ""})
    void badBillingMonth(String month) {
        assertThat(refusedField("{\"appId\": \"1\", \"billingMonth\": \"" + month + "\", \"plan\": \"PRO\"}"))
                .isEqualTo("billingMonth");
    }

    @Test
    void historyStorageWithoutDays() {
        assertThat(refusedField(req("'addOns': [{'type': 'HISTORY_STORAGE'}]"))).isEqualTo("addOns[0].days");
    }

    @Test
    void wrongShapes() {
        assertThat(refusedField(req("'addOns': {'type': 'SECURITY_ADVANCED'}"))).isEqualTo("addOns");
        assertThat(refusedField(req("'addOns': ['SECURITY_ADVANCED']"))).isEqualTo("addOns[0]");
        assertThat(refusedField(req("'usage': [1]"))).isEqualTo("usage");
        assertThat(refusedField(usage("'dailyDau': {'date': '2026-10-01', 'dau': 1}"))).isEqualTo("usage.dailyDau");
        assertThat(refusedField(usage("'dailyDau': [{'dau': 1}]"))).isEqualTo("usage.dailyDau[0].date");
        assertThat(refusedField(usage("'dailyDau': [{'date': '2026-10-01'}]"))).isEqualTo("usage.dailyDau[0].dau");
        assertThat(refusedField("{\"appId\": 1400000001, \"billingMonth\": \"2026-10\", \"plan\": \"PRO\"}"))
                .isEqualTo("appId");
    }

    @Test
    void firstErrorIsReportedWhenThereAreSeveral() {
        // refused whole: nothing of a request with one bad part is used
        assertThat(refusedField(req("'planStartDate': '2026-11-01', 'usage': {'peakDAU': 1}")))
                .isIn("planStartDate", "usage.peakDAU");
    }

    /** The month and date readers accept exactly what the pattern and java.time's ISO parser accept. */
    @Test
    void monthsAndDatesAreReadAsTheIsoParserReadsThem() {
        java.util.Random random = new java.util.Random(7);
        String alphabet = "0123456789-+٣x ";
        for (int i = 0; i < 200_000; i++) {
            String month = i % 3 == 0 ? String.format("%04d-%02d", random.nextInt(10_000), random.nextInt(15))
                    : randomText(random, alphabet, 7);
            assertThat(RequestReader.parseMonth(month)).as(month).isEqualTo(isoMonth(month));
            String date = i % 3 == 0 ? String.format("%04d-%02d-%02d", random.nextInt(10_000), random.nextInt(14),
                    random.nextInt(33)) : randomText(random, alphabet, 10);
            assertThat(RequestReader.isoDate(date)).as(date).isEqualTo(isoDate(date));
        }
        assertThat(RequestReader.parseMonth("0000-02")).isEqualTo(java.time.YearMonth.of(0, 2));
        assertThat(RequestReader.parseMonth(null)).isNull();
    }

    private static String randomText(java.util.Random random, String alphabet, int length) {
        StringBuilder b = new StringBuilder();
        for (int j = 0; j < length; j++) {
            b.append(alphabet.charAt(random.nextInt(alphabet.length())));
        }
        return b.toString();
    }

    private static java.time.YearMonth isoMonth(String text) {
        try {
            return text.matches("\\d{4}-\\d{2}") ? java.time.YearMonth.parse(text) : null;
        } catch (java.time.DateTimeException e) {
            return null;
        }
    }

    private static LocalDate isoDate(String text) {
        try {
            return text.matches("\\d{4}-\\d{2}-\\d{2}") ? LocalDate.parse(text) : null;
        } catch (java.time.DateTimeException e) {
            return null;
        }
    }
}
