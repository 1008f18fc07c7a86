package dev.alimi.config;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Replaces {@code ${NAME}} and {@code ${NAME:-default}} in scalars; {@code $${} writes a literal
 * {@code ${}. The default applies when the variable is unset or empty, as in a shell.
 */
final class Substitutor {

    private static final Pattern NAME = Pattern.compile("[A-Za-z_][A-Za-z0-9_.]*");

    private final Map<String, String> environment;

    Substitutor(Map<String, String> environment) {
        this.environment = environment;
    }

    /** The outcome: the text, the variables used, or what went wrong (never a variable's value). */
    record Result(String value, List<String> variables, String problem) {}

    Result apply(String text) {
        if (text.indexOf('$') < 0) return new Result(text, List.of(), null);
        StringBuilder out = new StringBuilder();
        List<String> used = new ArrayList<>();
        int i = 0;
        while (i < text.length()) {
            char c = text.charAt(i);
            if (c == '$' && text.startsWith("$${", i)) {
                out.append("${");
                i += 3;
            } else if (c == '$' && text.startsWith("${", i)) {
                int end = text.indexOf('}', i + 2);
                if (end < 0) return new Result(null, used, "`${` is not closed; write ${NAME} or ${NAME:-default} (or $${ for a literal ${)");
                String inside = text.substring(i + 2, end);
                int sep = inside.indexOf(":-");
                String name = sep < 0 ? inside : inside.substring(0, sep);
                if (!NAME.matcher(name).matches()) {
                    return new Result(null, used, "`${" + inside + "}` is not a variable reference; write ${NAME} or ${NAME:-default}");
                }
                used.add(name);
                String value = environment.get(name);
                if (value == null || (value.isEmpty() && sep >= 0)) {
                    if (sep < 0) {
                        return new Result(null, used, "${" + name + "} is not set; set " + name
                                + " in the environment or in .env beside the config, or write ${" + name + ":-default}");
                    }
                    value = inside.substring(sep + 2);
                }
                out.append(value);
                i = end + 1;
            } else {
                out.append(c);
                i++;
            }
        }
        return new Result(out.toString(), List.copyOf(used), null);
    }
}
