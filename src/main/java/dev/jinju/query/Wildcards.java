package dev.jinju.query;

/** {@code *} wildcards over a whole value: {@code *} is any run of characters (possibly empty), all else literal. */
public final class Wildcards {

    public static final char ANY = '*';

    private Wildcards() {
    }

    public static boolean hasWildcard(String pattern) {
        return pattern.indexOf(ANY) >= 0;
    }

    /** Whether the whole {@code value} matches {@code pattern}, case-sensitively. */
    public static boolean matches(String pattern, String value) {
        if (!hasWildcard(pattern)) {
            return pattern.equals(value);
        }
        // With only '*' (no '?', no classes), taking the leftmost occurrence of each literal piece is always
        // right, so a linear scan does it and no regex (with its backtracking on long messages) is needed.
        String[] pieces = pattern.split("\\*", -1);
        String first = pieces[0];
        String last = pieces[pieces.length - 1];
        if (!value.startsWith(first)) {
            return false;
        }
        int from = first.length();
        int end = value.length() - last.length();
        if (end < from || !value.endsWith(last)) {
            return false;
        }
        for (int i = 1; i < pieces.length - 1; i++) {
            int at = value.indexOf(pieces[i], from);
            if (at < 0 || at + pieces[i].length() > end) {
                return false;
            }
            from = at + pieces[i].length();
        }
        return true;
    }
}
