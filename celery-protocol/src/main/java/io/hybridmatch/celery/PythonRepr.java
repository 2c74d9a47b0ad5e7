package io.hybridmatch.celery;

import java.math.BigDecimal;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

/**
 * Python's {@code repr()} of JSON-like values, for the display-only fields Celery fills with reprs: argsrepr and
 * kwargsrepr headers, and the result/exception of task events (shown by Flower and the logs). Strings follow Python's
 * quoting rules; floats Python's shortest form ({@code 1e+16}, {@code 10000000.0}). Celery's {@code saferepr} also
 * abbreviates long values; {@link #of(Object, int)} approximates it by cutting the text.
 */
public final class PythonRepr {

    private PythonRepr() {
    }

    public static String of(Object value, int maxLength) {
        String repr = of(value);
        return repr.length() <= maxLength ? repr : repr.substring(0, maxLength) + "...";
    }

    public static String of(Object value) {
        StringBuilder out = new StringBuilder();
        append(out, CeleryJson.toPlain(value));
        return out.toString();
    }

    /** A list shown as Python shows a tuple: {@code (5, 0.2, False)}, {@code ('x',)}, {@code ()}. */
    public static String tuple(List<?> items) {
        String list = of(items);
        return "(" + list.substring(1, list.length() - 1) + (items.size() == 1 ? ",)" : ")");
    }

    private static void append(StringBuilder out, Object value) {
        switch (value) {
            case null -> out.append("None");
            case Boolean b -> out.append(b ? "True" : "False");
            case Double d -> out.append(floatRepr(d));
            case Float f -> out.append(floatRepr(f.doubleValue()));
            case BigDecimal d -> out.append(floatRepr(d.doubleValue()));
            case Number n -> out.append(n);
            case CharSequence s -> appendString(out, s.toString());
            case Map<?, ?> map -> appendAll(out, '{', map.entrySet().iterator(), '}');
            case List<?> list -> appendAll(out, '[', list.iterator(), ']');
            case Map.Entry<?, ?> e -> {
                append(out, e.getKey());
                out.append(": ");
                append(out, e.getValue());
            }
            default -> appendString(out, value.toString());
        }
    }

    private static void appendAll(StringBuilder out, char open, Iterator<?> items, char close) {
        out.append(open);
        while (items.hasNext()) {
            append(out, items.next());
            if (items.hasNext()) {
                out.append(", ");
            }
        }
        out.append(close);
    }

    /** Single quotes unless the text holds a single quote and no double quote, as Python does. */
    private static void appendString(StringBuilder out, String s) {
        char quote = s.indexOf('\'') >= 0 && s.indexOf('"') < 0 ? '"' : '\'';
        out.append(quote);
        s.codePoints().forEach(c -> {
            switch (c) {
                case '\\' -> out.append("\\\\");
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                case '\t' -> out.append("\\t");
                default -> {
                    if (c == quote) {
                        out.append('\\').appendCodePoint(c);
                    } else if (c < 0x20 || (c >= 0x7f && c <= 0xa0)) {
                        out.append(String.format("\\x%02x", c));
                    } else {
                        out.appendCodePoint(c);
                    }
                }
            }
        });
        out.append(quote);
    }

    /** repr(float): shortest round-trip digits, positional between 1e-4 and 1e16, else d.ddde±XX. */
    static String floatRepr(double d) {
        if (Double.isNaN(d)) {
            return "nan";
        }
        if (Double.isInfinite(d)) {
            return d > 0 ? "inf" : "-inf";
        }
        if (d == 0) {
            return 1 / d < 0 ? "-0.0" : "0.0";
        }
        double abs = Math.abs(d);
        BigDecimal unscaled = new BigDecimal(Double.toString(d)).stripTrailingZeros();
        if (abs >= 1e-4 && abs < 1e16) {
            String plain = unscaled.toPlainString();
            return plain.contains(".") ? plain : plain + ".0";
        }
        int exponent = unscaled.precision() - unscaled.scale() - 1;
        String digits = unscaled.unscaledValue().abs().toString();
        String mantissa = digits.length() == 1 ? digits : digits.charAt(0) + "." + digits.substring(1);
        return (d < 0 ? "-" : "") + mantissa + (exponent < 0 ? "e-" : "e+")
                + String.format("%02d", Math.abs(exponent));
    }
}
