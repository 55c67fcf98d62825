package im.tariff.compile;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Refuses rule files that reach outside the tariff (system, threads, processes, reflection, class loading,
 * file and network I/O, imports outside an allow-list, globals and static state, eval, unbounded loops).
 * <p>
 * It reads the code the way the compilers will: Java unicode escapes are decoded first (so
 * {@code \u0053ystem} or a {@code \u000a} that ends a comment is seen), then comments and string literals
 * are dropped (so a comment or a description saying "System" is no finding), then names are joined across
 * whitespace and comments ({@code java . lang . System} is {@code java.lang.System}). An allow-list, not a
 * deny-list, decides which qualified names and imports may appear; the deny-lists below only add clear
 * messages for names that need no import (java.lang) and for dangerous members. Loops that may never end
 * (while, do, counting for loops, recursive functions) are refused too: a rule must not hang a service.
 * <p>
 * This is a guard against an analyst's mistake or a careless copy-paste reaching a service, on top of
 * review: it is deliberately strict, and a tariff never needs anything it refuses.
 */
public final class RuleLint {

    /** Packages and classes a rule file may import or name in full. A trailing ".*" allows a whole package. */
    static final Set<String> ALLOWED = Set.of(
            "im.tariff.model.*", "im.tariff.catalog.*", "im.tariff.refund.*",
            "java.math.*",
            "java.time.*", "java.time.format.*", "java.time.temporal.*",
            "java.util.List", "java.util.ArrayList", "java.util.LinkedList", "java.util.Collection",
            "java.util.Collections", "java.util.Set", "java.util.HashSet", "java.util.LinkedHashSet",
            "java.util.TreeSet", "java.util.Map", "java.util.HashMap", "java.util.LinkedHashMap",
            "java.util.TreeMap", "java.util.Arrays", "java.util.Objects", "java.util.Optional",
            "java.util.Comparator", "java.util.Iterator", "java.util.Locale",
            "java.lang.String", "java.lang.Math", "java.lang.StrictMath", "java.lang.Integer", "java.lang.Long",
            "java.lang.Number", "java.lang.Boolean", "java.lang.Character", "java.lang.StringBuilder",
            "java.lang.Object", "java.lang.Comparable", "java.lang.CharSequence", "java.lang.Iterable");

    /** First names of a qualified name that must be in {@link #ALLOWED}: everything outside the model. */
    private static final Set<String> QUALIFIED_ROOTS = Set.of("java", "javax", "jdk", "sun", "com", "org", "net",
            "io", "im", "jakarta");

    /** Classes usable without an import (java.lang and friends) that reach outside the tariff. */
    private static final Map<String, String> DENIED_CLASSES = Map.ofEntries(
            Map.entry("System", "访问系统（System：退出、环境变量、属性、标准输入输出）"),
            Map.entry("Runtime", "访问运行时（Runtime：执行外部命令、退出）"),
            Map.entry("Thread", "创建或操纵线程（Thread）"),
            Map.entry("ThreadGroup", "操纵线程（ThreadGroup）"),
            Map.entry("ThreadLocal", "线程局部状态（ThreadLocal）"),
            Map.entry("InheritableThreadLocal", "线程局部状态（InheritableThreadLocal）"),
            Map.entry("Process", "外部进程（Process）"),
            Map.entry("ProcessBuilder", "执行外部命令（ProcessBuilder）"),
            Map.entry("ProcessHandle", "外部进程（ProcessHandle）"),
            Map.entry("Class", "反射（Class）"),
            Map.entry("ClassLoader", "类加载（ClassLoader）"),
            Map.entry("ClassValue", "反射（ClassValue）"),
            Map.entry("Module", "模块反射（Module）"),
            Map.entry("ModuleLayer", "模块反射（ModuleLayer）"),
            Map.entry("StackWalker", "栈反射（StackWalker）"),
            Map.entry("SecurityManager", "安全管理器（SecurityManager）"),
            Map.entry("MethodHandles", "反射（MethodHandles）"),
            Map.entry("MethodHandle", "反射（MethodHandle）"),
            Map.entry("VarHandle", "反射（VarHandle）"),
            Map.entry("Method", "反射（Method）"),
            Map.entry("Field", "反射（Field）"),
            Map.entry("Constructor", "反射（Constructor）"),
            Map.entry("Proxy", "动态代理（Proxy）"),
            Map.entry("Unsafe", "Unsafe"),
            Map.entry("ServiceLoader", "类加载（ServiceLoader）"),
            Map.entry("ScriptEngineManager", "脚本引擎（ScriptEngineManager）"),
            Map.entry("Files", "文件读写（Files）"),
            Map.entry("Paths", "文件路径（Paths）"),
            Map.entry("File", "文件读写（File）"),
            Map.entry("FileInputStream", "文件读取（FileInputStream）"),
            Map.entry("FileOutputStream", "文件写入（FileOutputStream）"),
            Map.entry("FileReader", "文件读取（FileReader）"),
            Map.entry("FileWriter", "文件写入（FileWriter）"),
            Map.entry("RandomAccessFile", "文件读写（RandomAccessFile）"),
            Map.entry("Socket", "网络（Socket）"),
            Map.entry("ServerSocket", "网络（ServerSocket）"),
            Map.entry("DatagramSocket", "网络（DatagramSocket）"),
            Map.entry("URL", "网络（URL）"),
            Map.entry("URLConnection", "网络（URLConnection）"),
            Map.entry("HttpClient", "网络（HttpClient）"),
            Map.entry("InetAddress", "网络（InetAddress）"),
            Map.entry("Executors", "线程池（Executors）"),
            Map.entry("ForkJoinPool", "线程池（ForkJoinPool）"),
            Map.entry("CompletableFuture", "后台任务（CompletableFuture）"),
            Map.entry("Timer", "定时任务（Timer）"));

    /** Members that only serve to leave the tariff, whatever object they are called on. */
    private static final Map<String, String> DENIED_MEMBERS = Map.ofEntries(
            Map.entry("getClass", "反射（getClass）"),
            Map.entry("class", "反射（.class 类字面量）"),
            Map.entry("forName", "按名字加载类（forName）"),
            Map.entry("getMethod", "反射（getMethod）"),
            Map.entry("getMethods", "反射（getMethods）"),
            Map.entry("getField", "反射（getField）"),
            Map.entry("getFields", "反射（getFields）"),
            Map.entry("getConstructor", "反射（getConstructor）"),
            Map.entry("getConstructors", "反射（getConstructors）"),
            Map.entry("newInstance", "反射创建对象（newInstance）"),
            Map.entry("setAccessible", "反射绕过访问控制（setAccessible）"),
            Map.entry("invoke", "反射调用（invoke）"),
            Map.entry("invokeExact", "反射调用（invokeExact）"),
            Map.entry("getClassLoader", "类加载（getClassLoader）"),
            Map.entry("getContextClassLoader", "类加载（getContextClassLoader）"),
            Map.entry("getSystemClassLoader", "类加载（getSystemClassLoader）"),
            Map.entry("loadClass", "类加载（loadClass）"),
            Map.entry("defineClass", "类加载（defineClass）"),
            Map.entry("loadLibrary", "加载本地库（loadLibrary）"),
            Map.entry("getResource", "读取资源（getResource）"),
            Map.entry("getResourceAsStream", "读取资源（getResourceAsStream）"),
            Map.entry("exec", "执行外部命令（exec）"),
            Map.entry("exit", "退出进程（exit）"),
            Map.entry("halt", "停止进程或规则引擎（halt）"),
            Map.entry("getRuntime", "访问运行时（getRuntime）"),
            Map.entry("getenv", "读取环境变量（getenv）"),
            Map.entry("finalize", "终结器（finalize）"),
            Map.entry("getKieRuntime", "操纵规则引擎会话（getKieRuntime）"),
            Map.entry("getKnowledgeRuntime", "操纵规则引擎会话（getKnowledgeRuntime）"),
            Map.entry("getWorkingMemory", "操纵规则引擎会话（getWorkingMemory）"),
            Map.entry("getKieBase", "操纵规则库（getKieBase）"),
            Map.entry("setGlobal", "设置全局变量（setGlobal）"));

    /** Keywords that bring shared state, locks, arbitrary expressions or loops that may never end. */
    private static final Map<String, String> DENIED_KEYWORDS = Map.of(
            "global", "不允许声明 global：全局变量在并发计算之间共享 (globals are shared between evaluations)",
            "static", "不允许 static：静态状态在并发计算之间共享 (static state is shared between evaluations)",
            "synchronized", "不允许 synchronized：规则中不应加锁 (no locks in rules)",
            "eval", "不允许 eval(...)：请把条件写成事实模式 (write the condition as a fact pattern)",
            "while", "不允许 while 循环：可能永不结束，请用 accumulate/collect (a loop that may never end)",
            "do", "不允许 do 循环：可能永不结束，请用 accumulate/collect (a loop that may never end)",
            "native", "不允许 native (no native code)");

    private RuleLint() {
    }

    /** Every finding of every file of the rule set, as file:line: message; empty when the rules are safe. */
    public static List<RuleProblem> check(RuleSource source) {
        List<RuleProblem> problems = new ArrayList<>();
        for (Map.Entry<String, String> file : source.files().entrySet()) {
            String name = RuleCompiler.displayName(source, file.getKey());
            for (RuleProblem p : check(name, file.getValue())) {
                // a finding in the DRL a table made is said at the cell that wrote it
                problems.add(source.table(file.getKey()) == null ? p
                        : source.problemAt(file.getKey(), p.line(), -1, p.message()));
            }
        }
        return problems;
    }

    /** Findings of one file; {@code fileName} is only used to label them. */
    public static List<RuleProblem> check(String fileName, String text) {
        List<DrlTokens.Token> tokens = DrlTokens.tokenize(text);
        List<RuleProblem> problems = new ArrayList<>();
        int i = 0;
        while (i < tokens.size()) {
            DrlTokens.Token t = tokens.get(i);
            if (t.isWord("package")) {
                i = skipStatement(tokens, i); // the rule package's own name is not a reference
                continue;
            }
            if (t.isWord("import")) {
                i = checkImport(fileName, tokens, i, problems);
                continue;
            }
            if (t.isName()) {
                int end = qualifiedEnd(tokens, i);
                checkName(fileName, tokens, i, end, problems);
                i = end;
                continue;
            }
            i++;
        }
        checkLoops(fileName, tokens, problems);
        checkRecursion(fileName, tokens, problems);
        return problems;
    }

    /** Only for (x : collection) loops: they end with their collection; a counting loop may never end. */
    private static void checkLoops(String file, List<DrlTokens.Token> tokens, List<RuleProblem> problems) {
        for (int i = 0; i + 1 < tokens.size(); i++) {
            if (tokens.get(i).isWord("for") && tokens.get(i + 1).is("(")) {
                int close = matching(tokens, i + 1, "(", ")");
                for (int k = i + 2; k < close; k++) {
                    if (tokens.get(k).is(";")) {
                        problems.add(new RuleProblem(file, tokens.get(i).line(), "只允许 for (元素 : 集合) 形式的循环："
                                + "计数循环可能永不结束 (only for-each loops over a collection are allowed)"));
                        break;
                    }
                }
            }
        }
    }

    /** DRL functions that call themselves, directly or through each other, may never end. */
    private static void checkRecursion(String file, List<DrlTokens.Token> tokens, List<RuleProblem> problems) {
        Map<String, int[]> bodies = new java.util.LinkedHashMap<>(); // name -> {function token, body start, end}
        for (int i = 0; i < tokens.size(); i++) {
            if (tokens.get(i).isWord("function")) {
                int paren = i + 1;
                while (paren < tokens.size() && !tokens.get(paren).is("(")) {
                    paren++;
                }
                int brace = paren;
                while (brace < tokens.size() && !tokens.get(brace).is("{")) {
                    brace++;
                }
                if (paren - 1 > i && brace < tokens.size()) {
                    bodies.put(tokens.get(paren - 1).text(), new int[] {i, brace, matching(tokens, brace, "{", "}")});
                }
            }
        }
        Map<String, Set<String>> calls = new java.util.HashMap<>();
        for (Map.Entry<String, int[]> f : bodies.entrySet()) {
            Set<String> callees = new java.util.HashSet<>();
            for (int k = f.getValue()[1]; k + 1 < f.getValue()[2]; k++) {
                DrlTokens.Token t = tokens.get(k);
                boolean afterDot = tokens.get(k - 1).is(".");
                if (t.isName() && !afterDot && bodies.containsKey(t.text()) && tokens.get(k + 1).is("(")) {
                    callees.add(t.text());
                }
            }
            calls.put(f.getKey(), callees);
        }
        for (Map.Entry<String, int[]> f : bodies.entrySet()) {
            if (reaches(calls, f.getKey(), f.getKey(), new java.util.HashSet<>())) {
                problems.add(new RuleProblem(file, tokens.get(f.getValue()[0]).line(), "函数 " + f.getKey()
                        + " 递归调用自己，可能永不结束 (recursive function)"));
            }
        }
    }

    private static boolean reaches(Map<String, Set<String>> calls, String from, String target, Set<String> seen) {
        for (String next : calls.getOrDefault(from, Set.of())) {
            if (next.equals(target) || (seen.add(next) && reaches(calls, next, target, seen))) {
                return true;
            }
        }
        return false;
    }

    /** Index of the bracket closing the one at {@code open} (or the end of the file). */
    private static int matching(List<DrlTokens.Token> tokens, int open, String left, String right) {
        int depth = 0;
        for (int k = open; k < tokens.size(); k++) {
            if (tokens.get(k).is(left)) {
                depth++;
            } else if (tokens.get(k).is(right) && --depth == 0) {
                return k;
            }
        }
        return tokens.size();
    }

    /** An import (also import static / function / accumulate, and MVEL's inline import) of an allowed name. */
    private static int checkImport(String file, List<DrlTokens.Token> tokens, int at, List<RuleProblem> problems) {
        int i = at + 1;
        String kind = "";
        if (i < tokens.size() && (tokens.get(i).isWord("static") || tokens.get(i).isWord("function")
                || tokens.get(i).isWord("accumulate"))) {
            kind = tokens.get(i).text() + " ";
            i++;
        }
        int line = tokens.get(at).line();
        if (i >= tokens.size() || !tokens.get(i).isName()) {
            return i;
        }
        int end = qualifiedEnd(tokens, i);
        String name = joined(tokens, i, end);
        boolean wildcard = end + 1 < tokens.size() && tokens.get(end).is(".") && tokens.get(end + 1).is("*");
        String imported = wildcard ? name + ".*" : name;
        boolean allowed = !kind.equals("accumulate ") && (wildcard ? ALLOWED.contains(imported)
                : isAllowed(name) || (!kind.isEmpty() && isAllowed(parentOf(name))));
        if (!allowed) {
            problems.add(new RuleProblem(file, line, "不允许 import " + kind + imported
                    + "：规则只能使用计费模型 im.tariff.model.*、java.math.*、java.time.* 和常用集合"
                    + " (import outside the allow-list)"));
        } else {
            // an allowed import may still name a denied member (import static ...getClass)
            checkDeniedParts(file, tokens, i, end, problems);
        }
        return wildcard ? end + 2 : end;
    }

    private static void checkName(String file, List<DrlTokens.Token> tokens, int start, int end,
                                  List<RuleProblem> problems) {
        String first = tokens.get(start).text();
        boolean afterDot = start > 0 && tokens.get(start - 1).is(".");
        // a class outside the rule's own package has at least three parts (org.x.Y); "net.add(...)" is a variable
        if (!afterDot && end - start >= 5 && QUALIFIED_ROOTS.contains(first)) {
            String name = joined(tokens, start, end);
            if (!isAllowedQualified(name)) {
                problems.add(new RuleProblem(file, tokens.get(start).line(), "不允许使用 " + name
                        + "：规则只能使用计费模型和 java.math / java.time / 常用集合 (reference outside the allow-list)"));
                return;
            }
        }
        if (!afterDot && end - start == 1) {
            String reason = DENIED_KEYWORDS.get(first);
            if (reason != null && !(first.equals("eval") && !followedBy(tokens, end, "("))) {
                problems.add(new RuleProblem(file, tokens.get(start).line(), reason));
                return;
            }
        }
        checkDeniedParts(file, tokens, start, end, problems);
    }

    /** Reports the first denied class or member among the parts of one (qualified) name. */
    private static void checkDeniedParts(String file, List<DrlTokens.Token> tokens, int start, int end,
                                         List<RuleProblem> problems) {
        for (int k = start; k < end; k += 2) {
            DrlTokens.Token part = tokens.get(k);
            String what = DENIED_CLASSES.get(part.text());
            if (what == null) {
                what = DENIED_MEMBERS.get(part.text());
            }
            if (what != null) {
                problems.add(new RuleProblem(file, part.line(), "不允许" + what
                        + "：规则只能计算资费，不能访问系统、线程、反射、类加载、文件或网络 (reaches outside the tariff: "
                        + part.text() + ")"));
                return;
            }
        }
    }

    private static boolean isAllowedQualified(String name) {
        // a qualified name may go on into members (java.math.BigDecimal.ZERO): some prefix must be allowed
        String n = name;
        while (n.contains(".")) {
            if (isAllowed(n)) {
                return true;
            }
            n = parentOf(n);
        }
        return false;
    }

    private static boolean isAllowed(String className) {
        return ALLOWED.contains(className) || ALLOWED.contains(parentOf(className) + ".*");
    }

    private static String parentOf(String name) {
        int dot = name.lastIndexOf('.');
        return dot < 0 ? "" : name.substring(0, dot);
    }

    /** Index after the last token of name(.name)* starting at i. */
    private static int qualifiedEnd(List<DrlTokens.Token> tokens, int i) {
        int end = i + 1;
        while (end + 1 < tokens.size() && tokens.get(end).is(".") && tokens.get(end + 1).isName()) {
            end += 2;
        }
        return end;
    }

    private static String joined(List<DrlTokens.Token> tokens, int start, int end) {
        StringBuilder sb = new StringBuilder();
        for (int k = start; k < end; k++) {
            sb.append(tokens.get(k).text());
        }
        return sb.toString();
    }

    private static boolean followedBy(List<DrlTokens.Token> tokens, int i, String text) {
        return i < tokens.size() && tokens.get(i).is(text);
    }

    private static int skipStatement(List<DrlTokens.Token> tokens, int i) {
        int line = tokens.get(i).line();
        int k = i + 1;
        while (k < tokens.size() && !tokens.get(k).is(";") && tokens.get(k).line() == line) {
            k++;
        }
        return k;
    }
}
