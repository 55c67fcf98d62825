package im.tariff.cli;

import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The {@code tariff} command (docs/FORMAT.md). */
@Command(name = "tariff", mixinStandardHelpOptions = true, version = "tariff 1.0",
        description = "Computes the monthly bill of a Tencent Cloud IM app with the tariff rules in rules/.",
        subcommands = {EvaluateCommand.class, CheckCommand.class, TestCommand.class, DiffCommand.class,
                BatchCommand.class, GenerateCommand.class, ServeCommand.class, QuoteCommand.class, AdviseCommand.class, RefundCommand.class,
                InitCommand.class,
                CommandLine.HelpCommand.class},
        footer = {"", "Exit status: 0 ok; 1 a scenario failed (test); 2 bad input; 3 rules do not compile."})
public class TariffCli implements Runnable {

    @Override
    public void run() {
        new CommandLine(this).usage(Console.OUT);
    }

    public static void main(String[] args) {
        System.exit(run(args));
    }

    /** Runs the command line and returns its exit status (used by tests). */
    public static int run(String... args) {
        CommandLine cmd = commandLine();
        return cmd.execute(args);
    }

    public static CommandLine commandLine() {
        CommandLine cmd = new CommandLine(new TariffCli());
        // a month option gets a plain-words refusal, not the parser's exception text
        cmd.registerConverter(java.time.YearMonth.class, TariffCli::month);
        cmd.setOut(new PrintWriter(Console.OUT, true, StandardCharsets.UTF_8));
        cmd.setErr(new PrintWriter(Console.ERR, true, StandardCharsets.UTF_8));
        cmd.setExecutionExceptionHandler((ex, commandLine, parseResult) -> {
            if (ex instanceof CliExit exit) {
                if (exit.getMessage() != null && !exit.getMessage().isEmpty()) {
                    commandLine.getErr().println(exit.getMessage());
                }
                return exit.status();
            }
            // a failure of the program itself: plain words, no exception class, no stack trace
            commandLine.getErr().println("error: 内部错误 (internal error): the command failed unexpectedly; "
                    + "please report it with the command line and its input");
            return 1;
        });
        return cmd;
    }

    static java.time.YearMonth month(String text) {
        try {
            return java.time.YearMonth.parse(text.trim());
        } catch (java.time.format.DateTimeParseException e) {
            throw new CommandLine.TypeConversionException("「" + text + "」不是月份：请写成 YYYY-MM，例如 2026-10"
                    + " (not a month: write YYYY-MM, e.g. 2026-10)");
        }
    }
}
