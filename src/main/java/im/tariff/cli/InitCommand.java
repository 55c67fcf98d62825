package im.tariff.cli;

import im.tariff.i18n.Language;
import im.tariff.i18n.Messages;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.Callable;
import java.util.stream.Stream;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code tariff init DIR}: a new sheet to start from, instead of a copy of a bundled one and whatever it carries: a
 * catalog (language, time zone, currency, one plan, one meter, the line code), one plan fee with a limit, one
 * scenario and a README in the sheet's language saying what to edit next. It checks and tests clean as written.
 * The files are templates in the jar (im/tariff/init/LANG/), so no tariff word is written in Java.
 */
@Command(name = "init", mixinStandardHelpOptions = true,
        description = "Writes a new tariff folder (catalog, one plan with its fee, one scenario, a README) that "
                + "checks and tests clean.",
        footer = {"", "Exit status: 0 written; 2 DIR is not empty, or a bad --currency or --language."})
public class InitCommand implements Callable<Integer> {

    /** The files of a new sheet, as the templates name them. */
    static final List<String> FILES = List.of("catalog.drl", "plans.drl", "scenarios/first.yaml", "README.md");

    @Parameters(paramLabel = "DIR", description = "the folder to write (new, or empty)")
    Path dir;

    @Option(names = "--currency", paramLabel = "CODE", description = "ISO 4217 code of the sheet's currency "
            + "(default: the usual one of the language's sheets, named in the jar's template)")
    String currency;

    @Option(names = "--language", paramLabel = "zh|en", description = "the sheet's language (default: zh)")
    String language;

    @Override
    public Integer call() {
        Language lang = language == null ? Language.DEFAULT : Language.of(language);
        if (lang == null) {
            throw new CliExit(ExitCodes.BAD_INPUT, Messages.defaults().format("init.badLanguage", language));
        }
        Messages words = Messages.of(lang);
        Properties defaults = defaults(lang);
        String code = currency == null ? defaults.getProperty("currency") : currency.strip();
        if (!code.matches("[A-Z]{3}")) {
            throw new CliExit(ExitCodes.BAD_INPUT, words.format("init.badCurrency", currency));
        }
        String label = code.equals(defaults.getProperty("currency")) ? defaults.getProperty("currencyLabel") : code;
        if (Files.exists(dir) && (!Files.isDirectory(dir) || !isEmpty(dir))) {
            throw new CliExit(ExitCodes.BAD_INPUT, words.format("init.notEmpty", dir));
        }
        try {
            for (String name : FILES) {
                String text = template(lang, name).replace("{{currency}}", code).replace("{{currencyLabel}}", label)
                        .replace("{{dir}}", dir.toString());
                Path target = dir.resolve(name);
                Files.createDirectories(target.getParent());
                Files.writeString(target, text, StandardCharsets.UTF_8);
            }
        } catch (IOException e) {
            throw new CliExit(ExitCodes.BAD_INPUT, words.format("init.cannotWrite", dir, e.getMessage()));
        }
        Console.OUT.println(words.format("init.done", dir, words.join(FILES), dir));
        return ExitCodes.OK;
    }

    private static boolean isEmpty(Path dir) {
        try (Stream<Path> entries = Files.list(dir)) {
            return entries.findAny().isEmpty();
        } catch (IOException e) {
            return false;
        }
    }

    private static Properties defaults(Language lang) {
        Properties p = new Properties();
        try (InputStream in = resource(lang, "defaults.properties")) {
            p.load(new InputStreamReader(in, StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return p;
    }

    private static String template(Language lang, String name) throws IOException {
        try (InputStream in = resource(lang, name)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    private static InputStream resource(Language lang, String name) {
        InputStream in = InitCommand.class.getResourceAsStream("/im/tariff/init/" + lang.code() + "/" + name);
        if (in == null) {
            throw new IllegalStateException("the jar lacks the template im/tariff/init/" + lang.code() + "/" + name);
        }
        return in;
    }
}
