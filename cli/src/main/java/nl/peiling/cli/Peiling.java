package nl.peiling.cli;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.Arrays;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * The {@code peiling} command line: one executable for the whole job.
 *
 * <p>Exit codes: {@value #EXIT_OK} ok; {@value #EXIT_FAILED} the input was read but fails (an invalid
 * definition, a failed check); {@value #EXIT_INPUT} a usage or input error, with one line on stderr and
 * no stack trace unless {@code --debug}.
 */
@Command(
        name = "peiling",
        mixinStandardHelpOptions = true,
        versionProvider = Peiling.Version.class,
        description = "Modular national student surveys: definitions, allocation, response and scores.",
        subcommands = {
            CommandLine.HelpCommand.class,
            ValidateCommand.class,
            CatalogCommand.class,
            SimulateCommand.class,
            AggregateCommand.class,
            AllocateCommand.class,
            PlanCommand.class,
            SampleSizeCommand.class,
            MarginCommand.class,
            BarometerCommand.class,
            CodebookCommand.class,
            ReportCommand.class,
            TrendCommand.class,
            ServeCommand.class,
            DemoCommand.class,
        })
public final class Peiling {

    /** Everything went well. */
    public static final int EXIT_OK = 0;

    /** The input was read but fails: an invalid definition or a failed check. */
    public static final int EXIT_FAILED = 1;

    /** A usage or input error. */
    public static final int EXIT_INPUT = 2;

    /** The result of an in-process run: exit code and what was printed. */
    public record Run(int exitCode, String out, String err) {}

    private Peiling() {}

    public static void main(String[] args) {
        System.exit(commandLine(new PrintWriter(System.out, true), new PrintWriter(System.err, true))
                .execute(args));
    }

    /** Runs the command line in this process, capturing its output; for tests and embedding. */
    public static Run execute(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = commandLine(new PrintWriter(out, true), new PrintWriter(err, true))
                .execute(args);
        return new Run(code, out.toString(), err.toString());
    }

    static CommandLine commandLine(PrintWriter out, PrintWriter err) {
        // Hibernate Validator logs through JBoss Logging; route it to SLF4J, which the CLI keeps quiet.
        System.setProperty("org.jboss.logging.provider", "slf4j");
        CommandLine cli = new CommandLine(new Peiling());
        cli.setOut(out);
        cli.setErr(err);
        cli.setCaseInsensitiveEnumValuesAllowed(true);
        wholeSentences(cli);
        cli.setExitCodeExceptionMapper(e -> EXIT_INPUT);
        cli.setExecutionStrategy(parsed -> {
            FileOptions.check(parsed);
            return new CommandLine.RunLast().execute(parsed);
        });
        cli.setParameterExceptionHandler((e, args) -> {
            CommandLine command = e.getCommandLine();
            command.getErr().println("peiling: " + e.getMessage());
            if (!CommandLine.UnmatchedArgumentException.printSuggestions(e, command.getErr())) {
                command.getErr().println("Try 'peiling " + commandPath(command) + "--help' for usage.");
            }
            return EXIT_INPUT;
        });
        cli.setExecutionExceptionHandler((e, command, parseResult) -> {
            boolean debug = Arrays.asList(parseResult.originalArgs().toArray(new String[0]))
                    .contains("--debug");
            return Failures.report(e, command.getErr(), debug);
        });
        return cli;
    }

    /**
     * Joins each command's description lines into paragraphs, so that the help wraps whole sentences to
     * the terminal: a line that does not end a sentence continues on the next.
     */
    private static void wholeSentences(CommandLine command) {
        CommandLine.Model.UsageMessageSpec usage = command.getCommandSpec().usageMessage();
        java.util.List<String> paragraphs = new java.util.ArrayList<>();
        for (String line : usage.description()) {
            int last = paragraphs.size() - 1;
            if (last >= 0 && !paragraphs.get(last).matches("(?s).*[.:!?]")) {
                paragraphs.set(last, paragraphs.get(last) + " " + line);
            } else {
                paragraphs.add(line);
            }
        }
        usage.description(paragraphs.toArray(String[]::new));
        command.getSubcommands().values().forEach(Peiling::wholeSentences);
    }

    private static String commandPath(CommandLine command) {
        String path = command.getCommandSpec().qualifiedName(" ");
        path = path.startsWith("peiling") ? path.substring("peiling".length()).trim() : path;
        return path.isEmpty() ? "" : path + " ";
    }

    /** The version from the jar manifest. */
    static final class Version implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            String version = Peiling.class.getPackage().getImplementationVersion();
            return new String[] {"peiling " + (version == null ? "(development build)" : version)};
        }
    }
}
