package im.tariff.compile;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * How a tariff's files stand to the engine's {@link Library}, read from their text before anything is
 * compiled: a rule that repeats a library rule (an old copy of charging.drl, calendar.drl or usage.drl) would
 * bill twice, so it is refused, naming the rule, or the whole file when nothing else is in it; a rule marked
 * {@code @overrides("…")} replaces the library rule it names, which must exist. A library rule marked
 * {@code @needs("Tiers")} is left out of a tariff whose rules never write that word (outside comments and
 * strings): it could never fire there, and every rule in the network costs every bill (docs/PERFORMANCE.md).
 */
record LibraryUse(Set<String> overridden, List<RuleProblem> problems) {

    private static final Pattern NEEDS = Pattern.compile("@needs\\(\\s*\"([^\"]+)\"\\s*\\)");
    private static final Pattern COMMENT_OR_STRING =
            Pattern.compile("//[^\\n]*|/\\*[\\s\\S]*?\\*/|\"(?:\\\\.|[^\"\\\\])*\"");

    /** The library's rules this tariff leaves out (those it overrides, and those it has no term for). */
    Set<String> leftOut(RuleSource source) {
        StringBuilder code = new StringBuilder();
        for (String text : source.files().values()) {
            code.append(COMMENT_OR_STRING.matcher(text).replaceAll(" ")).append('\n');
        }
        Set<String> out = new HashSet<>(overridden);
        for (String text : Library.files().values()) {
            String current = null;
            for (String line : text.split("\n", -1)) {
                Matcher r = RULE.matcher(line);
                if (r.find()) {
                    current = r.group(1);
                }
                Matcher n = NEEDS.matcher(line);
                if (current != null && n.find() && !Pattern.compile("(?<![\\w])" + Pattern.quote(n.group(1))
                        + "(?![\\w])").matcher(code).find()) {
                    out.add(current);
                }
            }
        }
        return out;
    }

    private static final Pattern RULE = Pattern.compile("^\\s*rule\\s+(?:\"([^\"]+)\"|'([^']+)'|(\\S+))");
    private static final Pattern OVERRIDES = Pattern.compile("@overrides\\(\\s*\"([^\"]+)\"\\s*\\)");
    private static final Pattern FUNCTION = Pattern.compile("^\\s*function\\s+[\\w.<>\\[\\]]+\\s+(\\w+)\\s*\\(");

    static LibraryUse of(RuleSource source) {
        Set<String> overridden = new HashSet<>();
        List<RuleProblem> problems = new ArrayList<>();
        for (Map.Entry<String, String> file : source.files().entrySet()) {
            String display = source.display(file.getKey());
            List<RuleProblem> copies = new ArrayList<>();
            int rules = 0;
            String[] lines = file.getValue().split("\n", -1);
            String current = null;
            int currentLine = 0;
            for (int i = 0; i < lines.length; i++) {
                Matcher m = RULE.matcher(lines[i]);
                if (m.find()) {
                    current = m.group(1) != null ? m.group(1) : m.group(2) != null ? m.group(2) : m.group(3);
                    currentLine = i + 1;
                    rules++;
                    if (Library.isLibraryRule(current)) {
                        String twin = Library.libraryRuleNamed(current);
                        copies.add(source.problemAt(file.getKey(), i + 1, -1, "规则 \"" + current + "\" 是引擎通用规则"
                                + (twin == null || twin.equals(current) ? "" : " \"" + twin + "\" ")
                                + "的旧副本，会重复计费：请删除这条规则，通用规则已随引擎提供"
                                + " (a copy of the engine's library rule: delete it; the library ships it)"));
                    }
                }
                Matcher f = FUNCTION.matcher(lines[i]);
                if (f.find() && Library.RETIRED_FUNCTIONS.contains(f.group(1))) {
                    copies.add(source.problemAt(file.getKey(), i + 1, -1, "函数 " + f.group(1) + " 是旧版通用计费周期的副本："
                            + "请删除，计费周期已随引擎提供 (a copy of the library's calendar: delete it)"));
                }
                Matcher o = OVERRIDES.matcher(lines[i]);
                if (o.find() && current != null) {
                    String target = Library.libraryRuleNamed(o.group(1));
                    if (target == null) {
                        problems.add(source.problemAt(file.getKey(), i + 1, -1, "规则 \"" + current + "\" 声明替换通用规则 \""
                                + o.group(1) + "\"，但引擎库里没有这条规则 (@overrides names no library rule)"));
                    } else {
                        overridden.add(target);
                    }
                }
            }
            if (!copies.isEmpty() && copies.size() >= rules && rules > 0) {
                problems.add(new RuleProblem(display, source.table(file.getKey()) == null ? 1 : 0, "文件 " + file.getKey() + " 是引擎通用规则的旧副本："
                        + "请删除整个文件，通用规则已随引擎提供 (this file is an old copy of the engine's library: delete it)"));
            } else {
                problems.addAll(copies);
            }
        }
        return new LibraryUse(Set.copyOf(overridden), List.copyOf(problems));
    }
}
