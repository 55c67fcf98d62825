package im.tariff.compile;


import im.tariff.catalog.Declarations;
import im.tariff.catalog.CatalogIssue;
import im.tariff.catalog.Declared;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.kie.api.KieBase;
import org.kie.api.KieBaseConfiguration;
import org.kie.internal.conf.IndexLeftBetaMemoryOption;
import org.kie.internal.conf.IndexRightBetaMemoryOption;
import org.kie.api.KieServices;
import org.kie.api.builder.KieBuilder;
import org.kie.api.builder.KieFileSystem;
import org.kie.api.builder.Message;
import org.kie.api.builder.ReleaseId;
import org.kie.api.conf.KieBaseMutabilityOption;
import org.kie.internal.conf.ConstraintJittingThresholdOption;
import org.kie.api.runtime.KieContainer;

/**
 * Compiles a {@link RuleSource} into a {@link CompiledRuleSet}, or reports every problem as file:line: message
 * in words an analyst understands. Safe to call from several threads: each build has its own ReleaseId.
 * Every rule set passes {@link RuleLint} first, so nothing that reaches outside the tariff is ever compiled.
 */
public final class RuleCompiler {

    private static final String KIE_PREFIX = "src/main/resources/";
    /** Where the library's files are written beside the tariff's (a name no tariff file has). */
    private static final String LIBRARY_KEY = "_engine_library_/";
    /** Where the DRL a decision table compiles to is written (a table's own name would be read as a table again). */
    private static final String TABLE_KEY = "_decision_tables_/";
    private static final AtomicLong BUILDS = new AtomicLong();
    private static final Pattern PARSER_LINE = Pattern.compile("\\[ERR \\d+\\] Line (\\d+):(\\d+)\\s*");

    private RuleCompiler() {
    }

    public static CompiledRuleSet compile(RuleSource source) throws RuleCompilationException {
        return compile(source, PRECOMPILED_ALLOWED);
    }

    /** As {@link #compile(RuleSource)}; with precompiled false the rules are compiled even if the build did. */
    static CompiledRuleSet compile(RuleSource source, boolean precompiled) throws RuleCompilationException {
        if (source.files().isEmpty()) {
            throw new RuleCompilationException(List.of(new RuleProblem(source.origin(), 0,
                    "没有规则文件 (no .drl files or decision tables in the rules folder)")));
        }
        // a table that cannot be read compiles to nothing: what is wrong with it, at its cells
        List<RuleProblem> tables = source.tableProblems();
        if (!tables.isEmpty()) {
            throw new RuleCompilationException(tables);
        }
        // unsafe code is refused before any compiler sees it (compilers may evaluate constant expressions)
        List<RuleProblem> unsafe = sameInEveryRow(source, RuleLint.check(source));
        if (!unsafe.isEmpty()) {
            throw new UnsafeRulesException(unsafe);
        }
        // a copy of a library rule would bill twice; an override must name a rule the library has
        LibraryUse use = LibraryUse.of(source);
        if (!use.problems().isEmpty()) {
            throw new RuleCompilationException(use.problems());
        }
        KieServices ks = KieServices.Factory.get();
        Map<String, String> kieFiles = kieFiles(source, use);
        // A rule set is never changed in place (a reload builds a new one), so its KieBase is immutable: its
        // sessions keep facts in one identity store instead of a store per fact class, which a pooled session
        // would otherwise rebuild for every bill (docs/PERFORMANCE.md).
        KieBaseConfiguration conf = ks.newKieBaseConfiguration();
        conf.setOption(KieBaseMutabilityOption.DISABLED);
        // MVEL constraints are interpreted until jitted to bytecode, by default after 20 evaluations each: jitting
        // them at their first one shortened a cold 200,000-line batch by about a tenth (docs/PERFORMANCE.md)
        conf.setOption(ConstraintJittingThresholdOption.get(0));
        // a bill's session holds a few dozen facts: a join scans its few partners faster than it keeps hash
        // indexes of them, and a pooled session then has no index tables to clear for the next bill. Both
        // indexes off made a month-end batch 8 % faster (docs/PERFORMANCE.md, "Levers")
        conf.setOption(IndexLeftBetaMemoryOption.NO);
        conf.setOption(IndexRightBetaMemoryOption.NO);
        // the very files the build compiled into the jar (the bundled rules, or a folder identical to them) are
        // not compiled again: their executable model is loaded (docs/PERFORMANCE.md, "Levers")
        KieBase kieBase = precompiled ? Precompiled.kieBase(kieFiles, conf) : null;
        KieContainer container = null;
        if (kieBase == null) {
            container = compileText(ks, source, kieFiles);
            // made first, so that it takes the compiled packages as they are (a second KieBase of one container
            // gets serialized copies)
            kieBase = container.newKieBase(conf);
        }
        RuleLocator locator = new RuleLocator(source);
        Declarations.Result catalog;
        try {
            catalog = CatalogExtraction.extract(kieBase, locator,
                    new Declared(null, displayName(source, null), 0));
        } catch (RuntimeException e) {
            if (container != null) {
                container.dispose();
            }
            RuleFailure failure = RuleFailures.explain(e, locator);
            throw new RuleCompilationException(List.of(new RuleProblem(failure.file(), failure.line(), failure.column(),
                    "目录规则执行出错 (a catalog rule failed): " + failure.message())));
        }
        if (!catalog.issues().isEmpty()) {
            if (container != null) {
                container.dispose();
            }
            List<RuleProblem> issues = new ArrayList<>();
            for (CatalogIssue i : catalog.issues()) {
                issues.add(RuleProblem.at(i.where(), i.message()));
            }
            throw new RuleCompilationException(issues);
        }
        return new CompiledRuleSet(source, container, kieBase, catalog.catalog(), locator);
    }

    /** Drools' compilers on the text of the files: the container of the result, or every problem at its place. */
    private static KieContainer compileText(KieServices ks, RuleSource source, Map<String, String> kieFiles)
            throws RuleCompilationException {
        ReleaseId releaseId = ks.newReleaseId("im.tariff", "rules", "1.0." + BUILDS.incrementAndGet());
        KieFileSystem kfs = fileSystem(ks, releaseId, kieFiles);
        List<RuleProblem> problems = new ArrayList<>();
        KieBuilder builder;
        try {
            builder = ks.newKieBuilder(kfs).buildAll();
        } catch (RuntimeException e) {
            // some malformed DRL throws instead of reporting a message
            problems.add(new RuleProblem(displayName(source, null), 0, "规则无法编译 (rules do not compile): "
                    + firstLine(String.valueOf(e.getMessage()))));
            throw new RuleCompilationException(problems);
        }
        for (Message m : builder.getResults().getMessages(Message.Level.ERROR)) {
            problems.add(toProblem(source, m));
        }
        dropEchoes(problems);
        problems = sameInEveryRow(source, problems);
        if (!problems.isEmpty()) {
            ks.getRepository().removeKieModule(releaseId);
            throw new RuleCompilationException(problems);
        }
        KieContainer container = ks.newKieContainer(releaseId);
        // the container keeps what it needs; the repository copy would only pile up over reloads
        ks.getRepository().removeKieModule(releaseId);
        return container;
    }

    /** A module of these files (path → text) under releaseId, as the Drools builder takes it. */
    static KieFileSystem fileSystem(KieServices ks, ReleaseId releaseId, Map<String, String> kieFiles) {
        KieFileSystem kfs = ks.newKieFileSystem();
        kfs.generateAndWritePomXML(releaseId);
        kieFiles.forEach(kfs::write);
        return kfs;
    }

    /**
     * Compiles the text of a rule set once in the background and throws the result away. A service whose rules were
     * loaded as the build compiled them has never run the DRL and Java compilers; without this its first reload
     * would pay their cold start (~1.4 s instead of ~0.4 s, docs/PERFORMANCE.md).
     */
    public static void warmUpInBackground(RuleSource source) {
        Thread t = new Thread(() -> {
            try {
                compile(source, false).dispose();
            } catch (RuleCompilationException | RuntimeException | LinkageError e) {
                // a warm-up only: the rules in force are unaffected, a real reload reports its own errors
            }
        }, "rule-compiler-warm-up");
        t.setDaemon(true);
        t.setPriority(Thread.MIN_PRIORITY);
        t.start();
    }

    /**
     * Whether a rule set whose files the build already compiled is loaded as compiled (false only to compare the
     * two ways in tests: {@code -Dtariff.precompiled=false}).
     */
    static final boolean PRECOMPILED_ALLOWED = !"false".equals(System.getProperty("tariff.precompiled"));

    /**
     * What the Drools compiler is given for a source: the tariff's files (a table's as the DRL it makes) and the
     * library's (less what the tariff does not need or overrides), by the path each is compiled under, in order.
     */
    static Map<String, String> kieFiles(RuleSource source, LibraryUse use) {
        Map<String, String> out = new java.util.LinkedHashMap<>();
        for (Map.Entry<String, String> file : source.files().entrySet()) {
            out.put(KIE_PREFIX + kieName(source, file.getKey()), file.getValue());
        }
        Set<String> leftOut = use.leftOut(source);
        for (Map.Entry<String, String> file : Library.files().entrySet()) {
            out.put(KIE_PREFIX + LIBRARY_KEY + file.getKey(), Library.without(file.getValue(), leftOut));
        }
        return out;
    }

    /** The name a file is compiled under: its own, or for a decision table the DRL it makes, apart. */
    private static String kieName(RuleSource source, String name) {
        return source.table(name) != null ? TABLE_KEY + name + ".drl" : name;
    }

    /** The tariff's file name of a compiled path (a table's, for the DRL it made). */
    private static String sourceName(String compiledName) {
        if (compiledName != null && compiledName.startsWith(TABLE_KEY) && compiledName.endsWith(".drl")) {
            return compiledName.substring(TABLE_KEY.length(), compiledName.length() - ".drl".length());
        }
        return compiledName;
    }

    private static RuleProblem toProblem(RuleSource source, Message m) {
        String path = m.getPath();
        String file = sourceName(path != null && path.startsWith(KIE_PREFIX) ? path.substring(KIE_PREFIX.length()) : path);
        String text = m.getText() == null ? "" : m.getText().trim();
        int line = m.getLine();
        int column = -1;
        Matcher parser = PARSER_LINE.matcher(text);
        if (parser.find()) {
            if (line <= 0) {
                line = Integer.parseInt(parser.group(1));
            }
            if (line == Integer.parseInt(parser.group(1))) {
                column = Integer.parseInt(parser.group(2));
            }
            text = text.substring(0, parser.start()) + text.substring(parser.end());
        }
        if (line <= 0) {
            line = lineOf(textOf(source, file), text);
        }
        String explained = RuleMessages.explain(text);
        String fileText = textOf(source, file);
        String rule = ruleAt(fileText, line);
        if (rule != null && !explained.contains(rule)) {
            explained = "规则 \"" + rule + "\"：" + explained;
        }
        if (text.contains("Rule Compilation error") && file != null) {
            line = ConsequenceLines.locate(fileText, line, text);
        }
        if (file != null && source.table(file) != null) {
            // the compiler's own "[Line: 15, Column: 2]" counts lines of the DRL the table made: the cell says where
            return source.problemAt(file, line, column, GENERATED_PLACE.matcher(explained).replaceAll(""));
        }
        return new RuleProblem(displayName(source, file), Math.max(line, 0), explained);
    }

    private static final Pattern GENERATED_PLACE = Pattern.compile("\\s*\\^?\\s*\\[Line: \\d+, Column: \\d+\\]");
    private static final Pattern RULE_PREFIX = Pattern.compile("^规则 \"[^\"]*\"：");

    /**
     * An error that every row of a table's column makes alike comes from the column's code cell (the snippet),
     * not from the rows' values: it is said once, at the code cell.
     */
    private static List<RuleProblem> sameInEveryRow(RuleSource source, List<RuleProblem> problems) {
        Map<String, List<RuleProblem>> groups = new java.util.LinkedHashMap<>();
        Map<String, DecisionTable.Cell> codeCells = new java.util.HashMap<>();
        for (RuleProblem p : problems) {
            DecisionTable table = p.column() == null ? null : tableShownAs(source, p.file());
            DecisionTable.Cell code = table == null ? null : table.codeCell(new DecisionTable.Cell(p.line(), p.column()));
            if (code == null) {
                groups.put("\u0000" + groups.size(), new ArrayList<>(List.of(p)));
                continue;
            }
            // the same complaint about each row's own value ("plann == \"PRO\"", "plann == \"TRIAL\"") is one complaint
            String said = RULE_PREFIX.matcher(p.message()).replaceFirst("")
                    .replaceAll("Rule_\\S+", "").replaceAll("\"[^\"]*\"", "\"\"").replaceAll("\\s+", " ");
            String key = p.file() + "\u0000" + code + "\u0000" + said;
            groups.computeIfAbsent(key, k -> new ArrayList<>()).add(p);
            codeCells.put(key, code);
        }
        List<RuleProblem> out = new ArrayList<>();
        for (Map.Entry<String, List<RuleProblem>> g : groups.entrySet()) {
            List<RuleProblem> same = g.getValue();
            DecisionTable.Cell code = codeCells.get(g.getKey());
            if (code != null && same.size() > 1) {
                String said = RULE_PREFIX.matcher(same.get(0).message()).replaceFirst("");
                out.add(new RuleProblem(same.get(0).file(), code.row(), code.column(),
                        im.tariff.i18n.Messages.of(source.language()).format("table.everyRow", said)));
            } else {
                out.addAll(same);
            }
        }
        return out;
    }

    private static DecisionTable tableShownAs(RuleSource source, String display) {
        for (String name : source.tables().keySet()) {
            if (java.util.Objects.equals(source.display(name), display)) {
                return source.table(name);
            }
        }
        return null;
    }

    private static final Pattern MVEL_LINE = Pattern.compile("\\[Line: (\\d+), Column");
    private static final Pattern EXPRESSION = Pattern.compile("Unable to Analyse Expression (.+?):");

    /** Drools gives no line for some condition errors; find it from the message or the expression's text. */
    static int lineOf(String fileText, String message) {
        Matcher m = MVEL_LINE.matcher(message);
        if (m.find()) {
            return Integer.parseInt(m.group(1));
        }
        m = EXPRESSION.matcher(message);
        if (fileText != null && m.find()) {
            String expression = m.group(1).trim();
            String[] lines = fileText.split("\n", -1);
            for (int i = 0; i < lines.length; i++) {
                if (lines[i].contains(expression)) {
                    return i + 1;
                }
            }
        }
        return 0;
    }

    private static final Pattern RULE_DECL = Pattern.compile("^\\s*rule\\s+\"([^\"]+)\"");

    /** The name of the rule declared on the given line (Drools reports consequence errors there). */
    static String ruleAt(String text, int line) {
        if (text == null || line <= 0) {
            return null;
        }
        String[] lines = text.split("\n", -1);
        if (line > lines.length) {
            return null;
        }
        Matcher m = RULE_DECL.matcher(lines[line - 1]);
        return m.find() ? m.group(1) : null;
    }

    /**
     * Follow-on errors come at line 0: after a syntax error Drools adds "Parser returned a null Package", and
     * after an unknown fact type every use of its bindings fails again. When the same file has a problem at a
     * real line, they say nothing new and their line 0 would send an analyst nowhere.
     */
    private static void dropEchoes(List<RuleProblem> problems) {
        problems.removeIf(p -> p.line() == 0 && problems.stream()
                .anyMatch(o -> o.line() > 0 && java.util.Objects.equals(o.file(), p.file())));
    }

    /**
     * The file as an analyst knows it: its folder (the sheet's or its base's) joined with its name; the
     * library's files as library/NAME; the sheet's folder when no file is named.
     */
    public static String displayName(RuleSource source, String file) {
        String folder = "(bundled)".equals(source.origin()) ? RuleSource.BUNDLED_FOLDER : source.origin();
        if (file == null || file.isEmpty()) {
            return folder;
        }
        if (file.startsWith(LIBRARY_KEY)) {
            return Library.DISPLAY + "/" + file.substring(LIBRARY_KEY.length());
        }
        String shown = source.display(file);
        return shown != null ? shown : Path.of(folder).resolve(file).toString();
    }

    /** The text of a compiled file, the tariff's or the library's (a table's: the DRL it made). */
    private static String textOf(RuleSource source, String file) {
        if (file != null && file.startsWith(LIBRARY_KEY)) {
            return Library.files().get(file.substring(LIBRARY_KEY.length()));
        }
        return file == null ? null : source.files().get(file);
    }

    private static String firstLine(String text) {
        int nl = text.indexOf('\n');
        return nl < 0 ? text : text.substring(0, nl);
    }
}
