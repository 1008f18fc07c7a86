package dev.alimi.config;

import java.util.Collection;
import java.util.List;

/** Checks that names used in one place (sites, channels, watches) are defined in another. */
final class References {

    private final NodeReader reader;

    References(NodeReader reader) {
        this.reader = reader;
    }

    /**
     * True when {@code name} is among {@code known}; else reports "unknown site `x`; did you mean …".
     *
     * @param what    the kind of name, singular ("site")
     * @param section where such names are defined ("sites")
     */
    boolean check(Scalar name, Collection<String> known, String what, String section) {
        if (known.contains(name.value())) return true;
        String hint;
        if (known.isEmpty()) {
            hint = "; no " + section + " are defined (add them under `" + section + "`)";
        } else if (name.substituted()) {
            hint = "; defined " + section + ": " + String.join(", ", known);
        } else {
            hint = DidYouMean.closest(name.value(), known).map(c -> "; did you mean `" + c + "`?")
                    .orElse("; defined " + section + ": " + String.join(", ", known));
        }
        reader.error(name.node(), name.path(), "unknown " + what + " " + name.shown() + hint);
        return false;
    }

    /** The names of a list that exist (all of them are checked, each problem reported). */
    List<String> checkAll(List<Scalar> names, Collection<String> known, String what, String section) {
        if (names == null) return List.of();
        return names.stream().filter(n -> check(n, known, what, section)).map(Scalar::value).toList();
    }
}
