package im.tariff.compile;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The engine's library of rules (src/main/resources/im/tariff/library/*.drl): the calendar, the charge models,
 * the peak of a daily series, the limit check, the closed-world guards and the violation codes they use. It is
 * part of every rule set compiled from any folder; a tariff folder holds only its catalog, its price terms and
 * its own restrictions.
 * <p>
 * A tariff may replace one library rule with its own, written with {@code @overrides("library rule name")}:
 * the library's rule is then left out of that rule set (and the tariff's rule answers for it).
 */
public final class Library {

    /** The folder of the library in the jar, and how its files are named to analysts. */
    static final String FOLDER = "im/tariff/library/";
    public static final String DISPLAY = "library";

    /** The library's files, in the order they are compiled. */
    static final List<String> FILES = List.of("catalog.drl", "fees.drl",
            "plan-changes.drl", "usage-charges.drl", "minimum-credits.drl", "limits.drl", "closed-world.drl");


    /** Functions that older copies of the generic calendar declared. */
    static final Set<String> RETIRED_FUNCTIONS = Set.of("prepaidEnd");

    private static final Pattern RULE = Pattern.compile("^\\s*rule\\s+\"([^\"]+)\"");
    private static final Pattern EN = Pattern.compile("@en\\(\"([^\"]+)\"\\)");
    private static final Pattern END = Pattern.compile("^\\s*end\\s*(//.*)?$");

    private static final Map<String, String> TEXTS = load();
    private static final Set<String> NAMES = names();

    private Library() {
    }

    /** File name → text of every library file. */
    public static Map<String, String> files() {
        return TEXTS;
    }

    /** True when a rule of that name is (or was) one of the library's: a tariff must not carry its copy. */
    public static boolean isLibraryRule(String name) {
        return NAMES.contains(name);
    }

    /** The name of a library rule written by this name in any language, or null. */
    public static String libraryRuleNamed(String name) {
        for (Map.Entry<String, String> f : TEXTS.entrySet()) {
            String current = null;
            for (String line : f.getValue().split("\n", -1)) {
                Matcher m = RULE.matcher(line);
                if (m.find()) {
                    current = m.group(1);
                }
                Matcher en = EN.matcher(line);
                if (current != null && (name.equals(current) || (en.find() && name.equals(en.group(1))))) {
                    return current;
                }
            }
        }
        return null;
    }

    /**
     * The name of a library rule in a language: its {@code @en("…")} metadata for English, its own (Chinese) name
     * otherwise, as {@code Violation.nameIn} names it on a bill; the name as given for a rule not in the library.
     */
    public static String nameIn(String rule, im.tariff.i18n.Language language) {
        if (language == null || language == im.tariff.i18n.Language.ZH) {
            return rule;
        }
        for (String text : TEXTS.values()) {
            String current = null;
            for (String line : text.split("\n", -1)) {
                Matcher m = RULE.matcher(line);
                if (m.find()) {
                    current = m.group(1);
                } else if (rule.equals(current)) {
                    Matcher en = EN.matcher(line);
                    if (en.find()) {
                        return en.group(1);
                    }
                    if (line.trim().equals("when")) {
                        return rule;
                    }
                }
            }
        }
        return rule;
    }

    /** The library's text of one file without the rules a tariff overrides. */
    static String without(String text, Set<String> overridden) {
        if (overridden.isEmpty()) {
            return text;
        }
        StringBuilder out = new StringBuilder();
        boolean skipping = false;
        for (String line : text.split("\n", -1)) {
            Matcher m = RULE.matcher(line);
            if (m.find() && overridden.contains(m.group(1))) {
                skipping = true;
            }
            // a left-out rule keeps its lines as blank lines, so the library's line numbers stay true
            out.append(skipping ? "" : line).append('\n');
            if (skipping && END.matcher(line).find()) {
                skipping = false;
            }
        }
        return out.substring(0, out.length() - 1);
    }

    private static Map<String, String> load() {
        Map<String, String> texts = new LinkedHashMap<>();
        for (String name : FILES) {
            texts.put(name, read(name));
        }
        return texts;
    }

    private static String read(String name) {
        try (InputStream in = Library.class.getClassLoader().getResourceAsStream(FOLDER + name)) {
            if (in == null) {
                throw new IllegalStateException("the engine's library is missing " + FOLDER + name);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Set<String> names() {
        // names of generic rules that older tariff folders carried copies of, which the library no longer uses
        Set<String> names = new HashSet<>();
        for (String line : read("retired-rules.txt").split("\n")) {
            if (!line.isBlank() && !line.startsWith("#")) {
                names.add(line.strip());
            }
        }
        for (String text : TEXTS.values()) {
            for (String line : text.split("\n", -1)) {
                Matcher m = RULE.matcher(line);
                if (m.find()) {
                    names.add(m.group(1));
                }
                Matcher en = EN.matcher(line);
                if (en.find()) {
                    names.add(en.group(1));
                }
            }
        }
        return names;
    }

    /** Names of every rule of the library (their DRL names). */
    public static List<String> ruleNames() {
        List<String> names = new ArrayList<>();
        for (String text : TEXTS.values()) {
            for (String line : text.split("\n", -1)) {
                Matcher m = RULE.matcher(line);
                if (m.find()) {
                    names.add(m.group(1));
                }
            }
        }
        return names;
    }
}
