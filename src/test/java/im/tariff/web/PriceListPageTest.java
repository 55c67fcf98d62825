package im.tariff.web;

import static org.assertj.core.api.Assertions.assertThat;

import im.tariff.advise.Quote;
import im.tariff.catalog.AddOnDef;
import im.tariff.catalog.Catalog;
import im.tariff.catalog.MeterDef;
import im.tariff.catalog.MeterShape;
import im.tariff.catalog.PlanDef;
import im.tariff.evaluate.Evaluator;
import im.tariff.i18n.Messages;
import im.tariff.io.BillWriter;
import im.tariff.io.InvalidRequestException;
import im.tariff.model.DailyRate;
import im.tariff.model.Fee;
import im.tariff.model.Limit;
import im.tariff.model.Overage;
import im.tariff.model.Term;
import im.tariff.reload.LiveEvaluator;
import im.tariff.reload.ReloadResult;
import im.tariff.reload.RulesFolder;
import im.tariff.server.TariffServer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;

/**
 * The calculator page as a customer sees it, in a real headless Chromium: the price list of the rules served
 * before any input, on the bundled rules (rules/, Chinese) and on the international sheet (English), at desktop
 * and phone widths; the page in the sheet's language only; the most used inputs first; and a reload of the rules
 * shown without a refresh. Every number expected is read from the rules' own terms ({@link Evaluator#termsOf}),
 * never written here. Screenshots: target/screenshots/pricelist-*.png.
 */
class PriceListPageTest {

    /** CJK ideographs and the full-width punctuation that goes with them (、，：（）「」). */
    private static final Pattern CJK = Pattern.compile("[\\u3000-\\u303F\\u3400-\\u9FFF\\uF900-\\uFAFF\\uFF00-\\uFFEF]");

    private static Browser browser;
    private static LiveEvaluator bundled;
    private static LiveEvaluator english;
    private static TariffServer bundledServer;
    private static TariffServer englishServer;

    @BeforeAll
    static void start() throws Exception {
        browser = Browser.start();
        bundled = LiveEvaluator.load(null);
        bundledServer = new TariffServer(bundled, "127.0.0.1", 0).start();
        english = LiveEvaluator.fromDirectory(Path.of("examples/tariffs/intl"));
        englishServer = new TariffServer(english, "127.0.0.1", 0).start();
    }

    @AfterAll
    static void stop() throws Exception {
        if (browser != null) {
            browser.close();
        }
        for (AutoCloseable c : new AutoCloseable[] {bundledServer, englishServer, bundled, english}) {
            if (c != null) {
                c.close();
            }
        }
    }

    // ---- the price list ----

    @Test
    void thePriceListOfTheBundledRulesShowsEveryPriceBeforeAnyInput() throws Exception {
        browser.open(bundledServer.port(), Browser.DESKTOP);
        browser.shot("pricelist-rules-desktop");
        int checked = assertPriceListSaysTheTerms(bundled.rules());
        assertThat(checked).as("fees, overage, rates, add-on prices and limits checked").isGreaterThan(50);
    }

    @Test
    void thePriceListOfTheEnglishSheetShowsEveryPriceBeforeAnyInput() throws Exception {
        browser.open(englishServer.port(), Browser.DESKTOP);
        browser.shot("pricelist-intl-desktop");
        int checked = assertPriceListSaysTheTerms(english.rules());
        assertThat(checked).isGreaterThan(20);
    }

    /** Each term in force on the month's first day, in the cell of its row and plan; returns the cells checked. */
    private static int assertPriceListSaysTheTerms(Evaluator rules) {
        Catalog catalog = rules.catalog();
        Messages words = Messages.of(catalog.language());
        YearMonth month = YearMonth.parse(browser.driver.findElement(By.id("billingMonth")).getAttribute("value"));
        LocalDate first = month.atDay(1);
        int checked = 0;
        for (PlanDef plan : catalog.plans()) {
            List<Object> terms = rules.termsOf(plan.code(), month);
            for (Fee f : inForce(terms, Fee.class, first, f -> f.addOn() == null ? f.line() : f.addOn() + "/" + f.option())) {
                if (f.addOn() == null) {
                    assertThat(cell("fee:" + f.line(), plan.code())).as("%s fee", plan.code())
                            .contains(f.price().signum() == 0 ? words.format("web.free") : BillWriter.price(f.price()));
                } else if (catalog.addOn(f.addOn()).offeredOn(plan.code())) {
                    String text = cell("addon:" + f.addOn(), plan.code());
                    assertThat(text).as("%s %s", plan.code(), f.addOn()).contains(BillWriter.price(f.price()));
                    if (f.option() != null) {
                        assertThat(text).contains(String.valueOf(f.option()));
                    }
                }
                checked++;
            }
            for (Overage o : inForce(terms, Overage.class, first, Overage::meter)) {
                assertThat(cell("meter:" + o.meter(), plan.code())).as("%s %s overage", plan.code(), o.meter())
                        .contains(String.valueOf(o.free()), BillWriter.price(o.price()), String.valueOf(o.block() == 1 ? "" : o.block()));
                checked++;
            }
            for (DailyRate r : inForce(terms, DailyRate.class, first, r -> r.meter() + "/" + r.key())) {
                assertThat(cell("meter:" + r.meter() + (r.key() == null ? "" : ":" + r.key()), plan.code()))
                        .contains(BillWriter.price(r.price()));
                checked++;
            }
            for (Limit l : inForce(terms, Limit.class, first, l -> l.meter() + "/" + l.cap())) {
                MeterDef m = catalog.meter(l.meter());
                String said = l.isUnlimited() ? words.format("web.unlimited")
                        : words.format("web.limit", l.cap(), m.unit() == null ? "" : m.unit()).trim();
                assertThat(meterCells(l.meter(), plan.code())).as("%s %s limit", plan.code(), l.meter()).contains(said);
                checked++;
            }
            for (AddOnDef a : catalog.addOns()) {
                if (!a.offeredOn(plan.code())) {
                    assertThat(cell("addon:" + a.code(), plan.code())).isEqualTo(words.format("web.notOffered"));
                    checked++;
                }
            }
        }
        // the chosen plan's column is marked
        String chosen = new Select(browser.driver.findElement(By.id("plan"))).getFirstSelectedOption().getAttribute("value");
        assertThat(browser.driver.findElement(By.cssSelector("#price-list thead th[data-plan='" + chosen + "']"))
                .getAttribute("class")).contains("chosen");
        return checked;
    }

    /** Of each group of versions, the one in force on the day (the latest start wins, as in the rules). */
    private static <T extends Term> List<T> inForce(List<Object> terms, Class<T> type, LocalDate day,
                                                    Function<T, String> group) {
        Map<String, T> winners = new LinkedHashMap<>();
        for (Object o : terms) {
            if (type.isInstance(o)) {
                T t = type.cast(o);
                T w = winners.get(group.apply(t));
                if (t.inForceOn(day) && (w == null || t.validFrom().isAfter(w.validFrom()))) {
                    winners.put(group.apply(t), t);
                }
            }
        }
        return new ArrayList<>(winners.values());
    }

    /** The cells of a meter's rows (one row, or one a dimension value of a daily meter) for a plan. */
    private static String meterCells(String meter, String plan) {
        return (String) browser.driver.executeScript("""
                return Array.from(document.querySelectorAll('#price-list tr[data-item]'))
                  .filter(r => r.dataset.item === 'meter:' + arguments[0] || r.dataset.item.startsWith('meter:' + arguments[0] + ':'))
                  .map(r => r.querySelector('td[data-plan="' + arguments[1] + '"]').innerText).join('\\n');""", meter, plan);
    }

    private static String cell(String item, String plan) {
        return browser.driver.findElement(By.cssSelector("#price-list tr[data-item='" + item + "'] td[data-plan='"
                + plan + "']")).getText();
    }

    // ---- phone width ----

    @Test
    void onAPhoneThePriceListScrollsInItsCardNotThePage() throws Exception {
        for (var sheet : List.of(Map.entry("rules", bundledServer), Map.entry("intl", englishServer))) {
            browser.open(sheet.getValue().port(), Browser.PHONE);
            browser.shot("pricelist-" + sheet.getKey() + "-phone");
            assertThat(browser.scrollWidth()).as("%s: no sideways scrolling of the page", sheet.getKey())
                    .isLessThanOrEqualTo(Browser.PHONE.getWidth());
            WebElement list = browser.driver.findElement(By.id("price-list"));
            assertThat(list.isDisplayed()).isTrue();
            assertThat(list.findElements(By.cssSelector("thead th.plan"))).hasSize(
                    (sheet.getKey().equals("rules") ? bundled : english).rules().catalog().plans().size());
            WebElement form = browser.driver.findElement(By.id("form"));
            assertThat(browser.driver.findElement(By.id("bill-card")).getRect().getY()).as("the bill below the form")
                    .isGreaterThan(form.getRect().getY() + form.getRect().getHeight() - 1);
        }
    }

    // ---- the sheet's language ----

    /** Everything a person can read on the page: its text, title, and the words of its inputs. */
    private static String everythingReadable() {
        return (String) browser.driver.executeScript("""
                const texts = [document.title, document.body.innerText];
                document.querySelectorAll('input, select, option, button, [aria-label], [title], [placeholder]').forEach(e => {
                  for (const a of ['placeholder', 'aria-label', 'title']) if (e.getAttribute(a)) texts.push(e.getAttribute(a));
                  if (e.value && e.type !== 'checkbox' && e.type !== 'radio') texts.push(e.value);
                });
                return texts.join('\\n');""");
    }

    @Test
    void thePageOfTheEnglishSheetHasNoChineseEvenWhereItAnswers() throws Exception {
        browser.open(englishServer.port(), Browser.DESKTOP);
        Catalog catalog = english.rules().catalog();
        MeterDef first = catalog.meter(catalogInputOrder().get(0));
        browser.type(By.id("usage-" + first.field()), "-5");
        browser.waitUntil("the refusal", () -> "error".equals(browser.bodyData("quote")));
        String refusal = browser.driver.findElement(By.cssSelector(".err[data-for='usage." + first.field() + "']")).getText();
        assertThat(refusal).isEqualTo(readerSays(english.rules(), "usage", first.field(), -5));
        assertThat(everythingReadable()).doesNotContainPattern(CJK);

        browser.type(By.id("usage-" + first.field()), "250000");
        browser.waitUntil("the quote", () -> "done".equals(browser.bodyData("quote")));
        browser.driver.findElement(By.id("advise")).click();
        browser.waitUntil("the advice", () -> "done".equals(browser.bodyData("advice")));
        browser.shot("pricelist-intl-answered");
        String readable = everythingReadable();
        assertThat(readable).doesNotContainPattern(CJK);
        assertThat(browser.driver.findElement(By.tagName("html")).getAttribute("lang")).isEqualTo("en");
        assertThat(readable).contains(Messages.of(catalog.language()).format("web.priceList"));
    }

    /** The reader's refusal of one usage figure, in the rules' words (what the page must show beside the field). */
    private static String readerSays(Evaluator rules, String object, String field, long value) throws Exception {
        com.fasterxml.jackson.databind.node.ObjectNode body = com.fasterxml.jackson.databind.node.JsonNodeFactory.instance.objectNode();
        body.put("plan", rules.catalog().plans().get(1).code());
        body.putObject(object).put(field, value);
        try {
            Quote.bill(rules, body, YearMonth.now());
        } catch (InvalidRequestException e) {
            return e.reason();
        }
        throw new AssertionError("not refused: " + body);
    }

    private static List<String> catalogInputOrder() {
        @SuppressWarnings("unchecked")
        List<String> order = (List<String>) browser.driver.executeScript(
                "return Array.from(document.querySelectorAll('#meters [data-meter], #limit-meters [data-meter]'))"
                        + ".map(e => e.dataset.meter)");
        return order;
    }

    /**
     * The Chinese page: every text a person reads is Chinese, except codes (PLAN_FEE, PRO), units (Mbps), the
     * rules' own names and numbers. A lower-case Latin word outside those is English left on a Chinese page.
     */
    @Test
    void thePageOfTheChineseRulesHasNoEnglishWords() throws Exception {
        browser.open(bundledServer.port(), Browser.DESKTOP);
        Evaluator rules = bundled.rules();
        MeterDef peak = rules.catalog().meter(catalogInputOrder().get(0));
        browser.type(By.id("usage-" + peak.field()), "-1");
        browser.waitUntil("the refusal", () -> "error".equals(browser.bodyData("quote")));
        assertThat(browser.driver.findElement(By.cssSelector(".err[data-for='usage." + peak.field() + "']")).getText())
                .isEqualTo(readerSays(rules, "usage", peak.field(), -1)).containsPattern(CJK);
        browser.type(By.id("usage-" + peak.field()), "250000");
        browser.waitUntil("the quote", () -> "done".equals(browser.bodyData("quote")));
        browser.driver.findElement(By.id("advise")).click();
        browser.waitUntil("the advice", () -> "done".equals(browser.bodyData("advice")));
        browser.shot("pricelist-rules-answered");

        List<String> allowed = new ArrayList<>();
        for (MeterDef m : rules.catalog().meters()) {
            allowed.add(m.unit());
            allowed.add(m.label());
        }
        allowed.add(rules.catalog().currencyLabel());
        List<String> english = new ArrayList<>();
        for (String line : everythingReadable().split("\n")) {
            String rest = line;
            for (String a : allowed) {
                if (a != null && !a.isEmpty()) {
                    rest = rest.replace(a, " ");
                }
            }
            rest = rest.replaceAll("[A-Z][A-Z0-9_]+", " ").replaceAll("\\b[0-9a-f]{12}\\b", " "); // codes, versions
            if (!CJK.matcher(line).find() && Pattern.compile("[a-z]{2,}").matcher(rest).find()) {
                english.add(line);
            }
        }
        assertThat(english).as("English on the Chinese page").isEmpty();
        assertThat(browser.driver.findElement(By.tagName("html")).getAttribute("lang")).isEqualTo("zh-CN");
    }

    // ---- the inputs most used first ----

    @Test
    void theMostUsedInputsComeFirst() throws Exception {
        browser.open(bundledServer.port(), Browser.DESKTOP);
        Catalog catalog = bundled.rules().catalog();
        @SuppressWarnings("unchecked")
        List<String> priced = (List<String>) browser.driver.executeScript(
                "return Array.from(document.querySelectorAll('#meters [data-meter]')).map(e => e.dataset.meter)");
        List<String> all = catalogInputOrder();
        assertThat(all).hasSize(catalog.meters().size());
        assertThat(priced).isNotEmpty();
        assertThat(all.subList(0, priced.size())).isEqualTo(priced);
        // what a tariff charges for by usage comes first: every priced meter is one some plan prices
        YearMonth month = YearMonth.now();
        for (String code : priced) {
            assertThat(catalog.plans().stream().flatMap(p -> bundled.rules().termsOf(p.code(), month).stream())
                    .anyMatch(t -> (t instanceof Overage || t instanceof DailyRate) && code.equals(((Term) t).meter())))
                    .as("%s is priced", code).isTrue();
        }
        // monthly peaks lead (peak DAU and groups in the bundled rules), and usage comes before add-ons and limits
        assertThat(catalog.meter(priced.get(0)).shape()).isEqualTo(MeterShape.PEAK);
        Long order = (Long) browser.driver.executeScript("""
                const a = document.getElementById('meters'), b = document.getElementById('addons'),
                      c = document.getElementById('limit-meters');
                return (a.compareDocumentPosition(b) & Node.DOCUMENT_POSITION_FOLLOWING)
                    && (b.compareDocumentPosition(c) & Node.DOCUMENT_POSITION_FOLLOWING) ? 1 : 0;""");
        assertThat(order).isEqualTo(1L);
    }

    // ---- a reload ----

    @Test
    void aReloadIsShownWithoutARefresh() throws Exception {
        Path dir = Files.createTempDirectory("page-reload");
        RulesFolder folder = new RulesFolder(dir);
        try (LiveEvaluator live = LiveEvaluator.fromDirectory(dir);
             TariffServer server = new TariffServer(live, "127.0.0.1", 0).start()) {
            browser.open(server.port(), Browser.DESKTOP);
            String before = live.rules().version();
            assertThat(browser.bodyData("rules-version")).isEqualTo(before);
            assertThat(browser.driver.findElement(By.id("price-list")).getText()).doesNotContain("1234.00");
            String total = browser.driver.findElement(By.id("total-amount")).getText();

            folder.setProFee("1234.00");
            ReloadResult r = live.reloadNow("test");
            assertThat(r.swapped()).as(r.summary()).isTrue();
            String after = live.rules().version();
            assertThat(after).isNotEqualTo(before);

            browser.waitUntil("the page to show the new rules", () -> Objects.equals(after, browser.bodyData("rules-version")));
            browser.waitUntil("the new price in the list", () -> browser.driver.findElement(By.id("price-list")).getText()
                    .contains("1234.00"));
            browser.waitUntil("the bill at the new price", () -> "done".equals(browser.bodyData("quote"))
                    && !total.equals(browser.driver.findElement(By.id("total-amount")).getText()));
            assertThat(browser.driver.findElement(By.id("rules-version")).getText()).contains(after.substring(0, 12));
            browser.shot("pricelist-after-reload");
        }
    }
}
