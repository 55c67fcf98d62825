package im.tariff.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import im.tariff.advise.Advice;
import im.tariff.advise.Advisor;
import im.tariff.advise.CatalogJson;
import im.tariff.advise.Quote;
import im.tariff.catalog.AddOnDef;
import im.tariff.catalog.Catalog;
import im.tariff.catalog.MeterDef;
import im.tariff.catalog.MeterShape;
import im.tariff.evaluate.Evaluator;
import im.tariff.reload.LiveEvaluator;
import im.tariff.io.InvalidRequestException;
import im.tariff.model.Bill;
import im.tariff.model.ChargeLine;
import im.tariff.server.TariffServer;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.Select;

/**
 * The calculator page in a real headless Chromium against a real server on the bundled rules: what the page
 * shows must equal what the quote service and the advisor give for the same input (no price is written
 * here, so an analyst's price change keeps this green). Screenshots go to target/screenshots/.
 */
class CalculatorPageTest {

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private static LiveEvaluator engine;
    private static TariffServer server;
    private static Browser browser;
    private static ChromeDriver driver;

    @BeforeAll
    static void start() throws Exception {
        browser = Browser.start();
        driver = browser.driver;
        engine = LiveEvaluator.load(null);
        server = new TariffServer(engine, "127.0.0.1", 0).start();
    }

    @AfterAll
    static void stop() throws Exception {
        if (browser != null) {
            browser.close();
        }
        if (server != null) {
            server.close();
        }
        if (engine != null) {
            engine.close();
        }
    }

    @BeforeEach
    void open() {
        browser.open(server.port(), Browser.DESKTOP);
    }

    // ---- what the test types, chosen from the catalog (no tariff name or number here) ----

    private static Evaluator rules() {
        return engine.rules();
    }

    /** The second plan of the catalog (the first paid one of the seed), with something to order on it. */
    private static String plan() {
        return rules().catalog().plans().get(1).code();
    }

    private static AddOnDef addOnWithoutOption() {
        return rules().catalog().addOns().stream().filter(a -> a.offeredOn(plan()) && !a.hasOption()).findFirst()
                .orElseThrow();
    }

    private static AddOnDef addOnWithOption() {
        return rules().catalog().addOns().stream().filter(a -> a.offeredOn(plan()) && a.hasOption()).findFirst()
                .orElse(null);
    }

    private static List<MeterDef> meters(MeterShape shape) {
        return rules().catalog().meters().stream().filter(m -> m.shape() == shape).toList();
    }

    /** Fills plan, two add-ons, every peak meter and the first dimension value of every daily meter. */
    private ObjectNode fillForm() {
        Catalog catalog = rules().catalog();
        YearMonth month = YearMonth.now();
        ObjectNode body = NODES.objectNode();
        body.put("billingMonth", month.toString());
        body.put("plan", plan());
        new Select(driver.findElement(By.id("plan"))).selectByValue(plan());
        ArrayNode addOns = body.putArray("addOns");
        driver.findElement(By.id("addon-" + addOnWithoutOption().code())).click();
        addOns.addObject().put("type", addOnWithoutOption().code());
        AddOnDef optional = addOnWithOption();
        if (optional != null) {
            long value = CatalogJson.optionValues(rules(), plan(), optional.code(), month).last();
            driver.findElement(By.id("addon-" + optional.code())).click();
            new Select(driver.findElement(By.id("option-" + optional.code()))).selectByValue(String.valueOf(value));
            addOns.addObject().put("type", optional.code()).put(optional.optionField(), value);
        }
        ObjectNode usage = body.putObject("usage");
        long figure = 25_000;
        for (MeterDef m : meters(MeterShape.PEAK)) {
            type(By.id("usage-" + m.field()), String.valueOf(figure));
            usage.put(m.field(), figure);
            figure *= 6;
        }
        for (MeterDef m : meters(MeterShape.DAILY)) {
            String dim = m.dimensionValues().keySet().iterator().next();
            String base = "daily-" + m.seriesField() + "-" + dim;
            type(By.id(base + "-value"), "12.5");
            type(By.id(base + "-days"), "3");
            ArrayNode series = usage.putArray(m.seriesField());
            for (int day = 1; day <= 3; day++) {
                ObjectNode e = series.addObject();
                e.put("date", month.atDay(day).toString());
                e.put(m.dimension(), dim);
                e.put(m.valueField(), new java.math.BigDecimal("12.5"));
            }
        }
        assertThat(catalog.meters()).isNotEmpty();
        waitUntil("the quote of the filled form", () -> "done".equals(bodyData("quote")));
        return body;
    }

    @Test
    void theBillOnThePageIsTheQuoteOfTheSameInput() throws Exception {
        ObjectNode body = fillForm();
        Bill expected = Quote.bill(rules(), body, YearMonth.now());
        shot("calculator-bill");

        assertThat(driver.findElement(By.id("total-amount")).getText()).isEqualTo(expected.totals().total().toPlainString());
        List<String> shown = new ArrayList<>();
        for (WebElement row : driver.findElements(By.cssSelector("#lines tbody tr.line"))) {
            shown.add(row.getAttribute("data-code") + " | " + row.findElement(By.className("description")).getText()
                    + " | " + row.findElement(By.className("amount")).getText());
        }
        List<String> lines = new ArrayList<>();
        for (ChargeLine l : expected.lines()) {
            lines.add(l.code() + " | " + l.description() + " | " + l.amount().toPlainString());
        }
        assertThat(shown).isEqualTo(lines);
        assertThat(lines.size()).as("plan fee, overage, two add-ons and barrage").isGreaterThanOrEqualTo(4);
    }

    @Test
    void theCheapestPlanShownIsTheOneTheAdvisorRanksFirst() throws Exception {
        ObjectNode body = fillForm();
        driver.findElement(By.id("advise")).click();
        waitUntil("the advice", () -> "done".equals(bodyData("advice")));
        waitUntil("the quote after the last field lost focus", () -> "done".equals(bodyData("quote")));
        driver.executeScript("document.getElementById('advice-card').scrollIntoView()");
        shot("calculator-advice");

        ObjectNode request = body.deepCopy();
        request.remove("plan");
        request.put("appId", Quote.APP_ID);
        request.putArray("addOns"); // "keep my add-ons" is not ticked: nothing is wanted
        Advice advice = Advisor.advise(rules(), request, 5, Advisor.Mode.PRUNED);
        assertThat(advice.options()).isNotEmpty();

        List<WebElement> options = driver.findElements(By.cssSelector("#advice li.option"));
        assertThat(options).hasSize(advice.options().size());
        WebElement first = options.get(0);
        assertThat(first.getAttribute("data-plan")).isEqualTo(advice.options().get(0).plan());
        assertThat(first.findElement(By.className("plan-name")).getText())
                .isEqualTo(rules().catalog().planName(advice.options().get(0).plan()));
        assertThat(first.findElement(By.className("total")).getText())
                .startsWith(advice.options().get(0).bill().totals().total().toPlainString());
    }

    @Test
    void aNegativeFigureShowsTheReadersMessageNextToItsField() throws Exception {
        MeterDef peak = meters(MeterShape.PEAK).get(0);
        new Select(driver.findElement(By.id("plan"))).selectByValue(plan());
        type(By.id("usage-" + peak.field()), "-5");
        waitUntil("the refusal", () -> "error".equals(bodyData("quote")));
        shot("calculator-error");

        ObjectNode body = NODES.objectNode();
        body.put("plan", plan());
        body.putObject("usage").put(peak.field(), -5);
        InvalidRequestException refusal = null;
        try {
            Quote.bill(rules(), body, YearMonth.now());
        } catch (InvalidRequestException e) {
            refusal = e;
        }
        assertThat(refusal).as("the reader refuses a negative figure").isNotNull();
        assertThat(refusal.field()).isEqualTo("usage." + peak.field());

        WebElement message = driver.findElement(By.cssSelector(".err[data-for='usage." + peak.field() + "']"));
        assertThat(message.getText()).isEqualTo(refusal.reason());
        assertThat(driver.findElement(By.id("usage-" + peak.field())).getAttribute("class")).contains("invalid");
        assertThat(driver.findElement(By.id("general-error")).getText()).isEmpty();
    }

    @Test
    void onAPhoneWidthTheFormAndTheBillStackInOneColumn() throws Exception {
        driver.manage().window().setSize(Browser.PHONE);
        fillForm();
        shot("calculator-phone");
        WebElement form = driver.findElement(By.id("form"));
        WebElement bill = driver.findElement(By.id("bill-card"));
        assertThat(bill.getRect().getY()).as("the bill comes below the form").isGreaterThan(form.getRect().getY()
                + form.getRect().getHeight() - 1);
        assertThat(browser.scrollWidth()).as("no sideways scrolling").isLessThanOrEqualTo(Browser.PHONE.getWidth());
    }

    // ---- helpers ----

    private static void type(By by, String text) {
        browser.type(by, text);
    }

    private static String bodyData(String name) {
        return browser.bodyData(name);
    }

    private static void waitUntil(String what, java.util.function.BooleanSupplier condition) {
        browser.waitUntil(what, condition);
    }

    private static void shot(String name) throws Exception {
        browser.shot(name);
    }
}
