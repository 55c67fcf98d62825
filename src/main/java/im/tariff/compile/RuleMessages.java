package im.tariff.compile;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Turns Drools' compiler messages into short sentences for analysts (Chinese first, the original in
 * brackets so a developer can still search for it).
 */
final class RuleMessages {

    private static final Pattern UNKNOWN_TYPE = Pattern.compile("Unable to resolve ObjectType '([^']+)'");
    private static final Pattern MISMATCHED = Pattern.compile("mismatched input '([^']*)'");
    private static final Pattern NO_VIABLE = Pattern.compile("no viable alternative at input '([^']*)'");
    private static final Pattern CANNOT_RESOLVE = Pattern.compile("(\\S+) cannot be resolved");
    private static final Pattern UNKNOWN_FIELD = Pattern.compile("[Uu]nknown field (\\w+) on (\\S+)");
    private static final Pattern UNRESOLVED_MEMBER =
            Pattern.compile("unable to resolve method using strict-mode: (?:[\\w$]+\\.)*([\\w$]+)\\.(\\w+)\\(\\)");
    private static final Pattern INCOMPATIBLE = Pattern.compile(
            "incompatible types in statement: class ([\\w.$]+) \\(compared from: class ([\\w.$]+)\\)");
    private static final Pattern DUPLICATE_RULE = Pattern.compile("Duplicate rule name: (.+)");

    private RuleMessages() {
    }

    /** java.time.YearMonth → YearMonth; java.lang.String → 文本. */
    private static String simple(String className) {
        String s = className.substring(className.lastIndexOf('.') + 1);
        return s.equals("String") ? "文本(String)" : s;
    }

    static String explain(String text) {
        // drop the generated Java class names, which mean nothing to an analyst
        String oneLine = text.replaceAll("\\s+", " ").replaceAll(" for the type Rule_\\S+", "").trim();
        Matcher m;
        if ((m = UNKNOWN_TYPE.matcher(oneLine)).find()) {
            return "未知的事实类型 '" + m.group(1) + "'：请检查拼写；计费模型的类型（Account、Fee、Limit……）需要文件开头的 "
                    + "import im.tariff.model.*;，目录类型（Catalog、CatalogDraft）需要 import im.tariff.catalog.*; (" + oneLine + ")";
        }
        if ((m = UNKNOWN_FIELD.matcher(oneLine)).find()) {
            return "'" + m.group(2) + "' 没有字段 '" + m.group(1) + "'，请检查拼写 (" + oneLine + ")";
        }
        if ((m = UNRESOLVED_MEMBER.matcher(oneLine)).find()) {
            return "'" + m.group(1) + "' 没有 '" + m.group(2) + "'，请检查拼写（字段名或常量名） (" + oneLine + ")";
        }
        if ((m = INCOMPATIBLE.matcher(oneLine)).find()) {
            return "类型不符：条件把 " + simple(m.group(2)) + " 与 " + simple(m.group(1)) + " 相比较。日期、年月请不要写成文本比较；"
                    + "要让价格、额度或上限从某天起生效，请给价目加版本 .from(\"2024-01-01\")，不要在条件里比较账单月 (" + oneLine + ")";
        }
        if ((m = DUPLICATE_RULE.matcher(oneLine)).find()) {
            return "规则名重复：" + m.group(1).trim() + "，每条规则需要唯一的名字 (" + oneLine + ")";
        }
        if ((m = MISMATCHED.matcher(oneLine)).find()) {
            return "语法错误：此处不应出现 '" + m.group(1) + "'，请检查括号、引号、逗号或 end (" + oneLine + ")";
        }
        if ((m = NO_VIABLE.matcher(oneLine)).find()) {
            return "语法错误：无法理解 '" + m.group(1) + "' (" + oneLine + ")";
        }
        if ((m = CANNOT_RESOLVE.matcher(oneLine)).find()) {
            return "无法识别 '" + m.group(1) + "'：请检查拼写；若是计费模型的类（Fee、Limit、Overage……）或目录（Catalog），"
                    + "请在文件开头加 import im.tariff.model.*; 或 import im.tariff.catalog.*; (" + oneLine + ")";
        }
        if (oneLine.contains("Unable to Analyse Expression") || oneLine.contains("Unable to analyze expression")) {
            return "条件表达式无法理解，请检查字段名和写法 (" + oneLine + ")";
        }
        if (oneLine.contains("Rule Compilation error")) {
            return "规则结果（then 部分）无法编译 (" + oneLine + ")";
        }
        return oneLine;
    }
}
