package im.tariff.web;

import static org.assertj.core.api.Assertions.fail;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Assumptions;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * A real headless Chromium (Debian's chromium and chromium-driver, given by path so that Selenium Manager has
 * nothing to look up or download) for the calculator page tests, with screenshots in target/screenshots/.
 * Without Chromium the tests are skipped, except on CI where they fail.
 */
final class Browser implements AutoCloseable {

    static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");
    static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    static final Path SHOTS = Path.of("target/screenshots");
    static final Dimension DESKTOP = new Dimension(1200, 1600);
    static final Dimension PHONE = new Dimension(390, 1800);

    final ChromeDriver driver;
    private final ChromeDriverService service;

    private Browser(ChromeDriverService service, ChromeDriver driver) {
        this.service = service;
        this.driver = driver;
    }

    /** A browser whose own language is Chinese (the page must not depend on it). */
    static Browser start() throws Exception {
        if (!Files.isExecutable(CHROMEDRIVER) || !Files.isExecutable(CHROMIUM)) {
            String missing = "headless Chromium is needed for the calculator page tests: install it with "
                    + "'apt-get install -y chromium chromium-driver' (" + CHROMIUM + ", " + CHROMEDRIVER + ")";
            if (System.getenv("CI") != null) {
                fail(missing);
            }
            Assumptions.abort(missing);
        }
        Path profile = Files.createTempDirectory("chromium-profile");
        System.setProperty("webdriver.chrome.driver", CHROMEDRIVER.toString());
        ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(CHROMEDRIVER.toFile())
                .usingAnyFreePort().build();
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM.toFile());
        options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                "--disable-background-networking", "--disable-component-update", "--disable-sync",
                "--no-first-run", "--user-data-dir=" + profile, "--window-size=1200,1600", "--lang=zh-CN");
        Files.createDirectories(SHOTS);
        return new Browser(service, new ChromeDriver(service, options));
    }

    /** Opens the page of a server at a window size and waits for its catalog and its first quote. */
    void open(int port, Dimension size) {
        driver.manage().window().setSize(size);
        driver.get("http://127.0.0.1:" + port + "/");
        waitUntil("the page read the catalog", () -> "true".equals(bodyData("ready")));
        waitUntil("the first quote", () -> "done".equals(bodyData("quote")));
    }

    void type(By by, String text) {
        WebElement input = driver.findElement(by);
        input.clear();
        input.sendKeys(text);
    }

    String bodyData(String name) {
        return driver.findElement(By.tagName("body")).getAttribute("data-" + name);
    }

    void waitUntil(String what, java.util.function.BooleanSupplier condition) {
        new WebDriverWait(driver, Duration.ofSeconds(20)).withMessage("waiting for " + what)
                .until(d -> condition.getAsBoolean());
    }

    /** A screenshot of the whole page (the window grown to the page's height) in target/screenshots/NAME.png. */
    void shot(String name) throws Exception {
        Dimension before = driver.manage().window().getSize();
        Number height = (Number) driver.executeScript("return document.documentElement.scrollHeight");
        driver.manage().window().setSize(new Dimension(before.getWidth(), Math.min(8000, height.intValue() + 120)));
        byte[] png = ((TakesScreenshot) driver).getScreenshotAs(OutputType.BYTES);
        Files.write(SHOTS.resolve(name + ".png"), png);
        driver.manage().window().setSize(before);
    }

    /** The sideways width of the page: at most the window's width when nothing scrolls sideways. */
    int scrollWidth() {
        return ((Number) driver.executeScript("return document.documentElement.scrollWidth")).intValue();
    }

    @Override
    public void close() {
        driver.quit();
        service.stop();
    }
}
