package io.cellharness.cli;

import io.cellharness.core.spec.UserText;
import java.util.List;
import java.util.TreeSet;
import java.util.regex.Pattern;
import picocli.CommandLine;

/**
 * How the command line itself is read (issue 19): numbers in ASCII digits only (picocli's own conversion takes
 * Arabic-Indic digits), an unknown subcommand refused with the closest known one, and picocli's messages quoting at
 * most a short token.
 */
final class CommandLineInput {

    private static final Pattern WHOLE = Pattern.compile("[+-]?[0-9]{1,19}");

    private CommandLineInput() {
    }

    static void registerConverters(CommandLine cli) {
        CommandLine.ITypeConverter<Integer> toInt = v -> (int) whole(v, Integer.MIN_VALUE, Integer.MAX_VALUE);
        CommandLine.ITypeConverter<Long> toLong = v -> whole(v, Long.MIN_VALUE, Long.MAX_VALUE);
        cli.registerConverter(Integer.class, toInt);
        cli.registerConverter(int.class, toInt);
        cli.registerConverter(Long.class, toLong);
        cli.registerConverter(long.class, toLong);
    }

    static long whole(String value, long min, long max) {
        String v = value == null ? "" : value.trim();
        if (!WHOLE.matcher(v).matches()) {
            throw new CommandLine.TypeConversionException("expected a whole number in ASCII digits, got "
                    + UserText.quote(value));
        }
        long n;
        try {
            n = Long.parseLong(v);
        } catch (NumberFormatException e) {
            throw new CommandLine.TypeConversionException("the number " + UserText.quote(value) + " is out of range");
        }
        if (n < min || n > max) {
            throw new CommandLine.TypeConversionException("the number " + UserText.quote(value) + " is out of range ("
                    + min + ".." + max + ")");
        }
        return n;
    }

    /** A parse error in the user's words: unknown arguments quoted only as short tokens, never all of them. */
    static String describe(CommandLine.ParameterException ex) {
        if (ex instanceof CommandLine.UnmatchedArgumentException u) {
            List<String> unmatched = u.getUnmatched();
            if (!unmatched.isEmpty()) {
                String first = unmatched.get(0);
                String more = unmatched.size() > 1 ? " (and " + (unmatched.size() - 1) + " more)" : "";
                return (first.startsWith("-") ? "Unknown option: " : "Unmatched argument: ") + UserText.quote(first) + more;
            }
        }
        return UserText.message(ex.getMessage());
    }

    /**
     * {@code cell agent --help} printed the top help and exited 0; any first word that is not a subcommand (of
     * whatever the command has, see {@link CommandLine#getSubcommands}) is refused with the closest one instead.
     * Returns the message, or null when the first word is known or an option.
     */
    static String unknownSubcommand(CommandLine cli, String[] args) {
        if (args.length == 0 || args[0].startsWith("-")) {
            return null;
        }
        String word = args[0];
        TreeSet<String> known = new TreeSet<>(cli.getSubcommands().keySet());
        if (known.contains(word)) {
            return null;
        }
        String best = null;
        int bestDistance = Integer.MAX_VALUE;
        for (String k : known) {
            int d = distance(word.toLowerCase(java.util.Locale.ROOT), k);
            if (d < bestDistance) {
                bestDistance = d;
                best = k;
            }
        }
        String suggestion = best != null && bestDistance <= Math.max(2, best.length() / 2)
                ? "; did you mean '" + best + "'?" : "";
        return "cell: unknown command " + UserText.quote(word) + suggestion + " (commands: " + String.join(", ", known)
                + "; see 'cell --help')";
    }

    /** Levenshtein distance, for suggestions. */
    static int distance(String a, String b) {
        if (a.length() > 64) {
            return Integer.MAX_VALUE / 2;
        }
        int[] prev = new int[b.length() + 1];
        int[] cur = new int[b.length() + 1];
        for (int j = 0; j <= b.length(); j++) {
            prev[j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            cur[0] = i;
            for (int j = 1; j <= b.length(); j++) {
                int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
                cur[j] = Math.min(Math.min(cur[j - 1] + 1, prev[j] + 1), prev[j - 1] + cost);
            }
            int[] t = prev;
            prev = cur;
            cur = t;
        }
        return prev[b.length()];
    }
}
