package nl.peiling.core.routing;

import static java.util.Objects.requireNonNull;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The parser of the {@code visibleIf} language.
 *
 * <pre>
 * condition  = or
 * or         = and { "or" and }
 * and        = unary { "and" unary }
 * unary      = "not" unary | primary
 * primary    = "(" condition ")" | "answered" "(" id ")"
 *            | id ( "=" | "!=" | "&lt;" | "&lt;=" | "&gt;" | "&gt;=" ) literal
 *            | id "in" "(" literal { "," literal } ")"
 * literal    = number | "'" chars "'"        (a quote inside a string is doubled: 'it''s')
 * </pre>
 *
 * Keywords are lower case. Nesting is limited to {@value #MAX_DEPTH} levels and expressions to
 * {@value #MAX_LENGTH} characters, so hostile input cannot exhaust the stack.
 */
public final class Routing {

    /** The longest expression accepted. */
    public static final int MAX_LENGTH = 4000;

    /** The deepest nesting of parentheses and {@code not} accepted. */
    public static final int MAX_DEPTH = 50;

    private final String source;
    private int pos;
    private int depth;

    private Routing(String source) {
        this.source = source;
    }

    /**
     * Parses a condition.
     *
     * @throws RoutingException when the expression is not in the language, with the position
     */
    public static Condition parse(String expression) {
        requireNonNull(expression, "expression");
        Routing parser = new Routing(expression);
        if (expression.length() > MAX_LENGTH) {
            throw parser.error(MAX_LENGTH, "longer than " + MAX_LENGTH + " characters");
        }
        parser.skipSpace();
        if (parser.atEnd()) {
            throw parser.error(0, "empty condition");
        }
        Condition condition = parser.or();
        parser.skipSpace();
        if (!parser.atEnd()) {
            throw parser.error(parser.pos, "unexpected " + parser.describeHere());
        }
        return condition;
    }

    private Condition or() {
        Condition left = and();
        while (keyword("or")) {
            left = new Condition.Or(left, and());
        }
        return left;
    }

    private Condition and() {
        Condition left = unary();
        while (keyword("and")) {
            left = new Condition.And(left, unary());
        }
        return left;
    }

    private Condition unary() {
        enter();
        try {
            if (keyword("not")) {
                return new Condition.Not(unary());
            }
            return primary();
        } finally {
            depth--;
        }
    }

    private Condition primary() {
        skipSpace();
        if (symbol("(")) {
            Condition inner = or();
            expect(")");
            return inner;
        }
        int start = pos;
        String name = identifier();
        if (name.equals("answered")) {
            skipSpace();
            if (peek() == '(') {
                expect("(");
                skipSpace();
                int at = pos;
                String question = identifier();
                expect(")");
                return new Condition.Answered(question, at);
            }
        }
        if (name.equals("and") || name.equals("or") || name.equals("not") || name.equals("in")) {
            throw error(start, "expected a question id, found keyword \"" + name + "\"");
        }
        if (keyword("in")) {
            expect("(");
            List<Condition.Literal> values = new ArrayList<>();
            values.add(literal());
            while (symbol(",")) {
                values.add(literal());
            }
            expect(")");
            return new Condition.Membership(name, start, values);
        }
        Condition.Operator operator = operator();
        return new Condition.Comparison(name, start, operator, literal());
    }

    private Condition.Operator operator() {
        skipSpace();
        for (String candidate : List.of("!=", "<=", ">=", "=", "<", ">")) {
            if (source.startsWith(candidate, pos)) {
                pos += candidate.length();
                for (Condition.Operator op : Condition.Operator.values()) {
                    if (op.symbol().equals(candidate)) {
                        return op;
                    }
                }
            }
        }
        throw error(pos, "expected an operator (=, !=, <, <=, >, >=, in), found " + describeHere());
    }

    private Condition.Literal literal() {
        skipSpace();
        int start = pos;
        if (peek() == '\'') {
            pos++;
            StringBuilder text = new StringBuilder();
            while (true) {
                if (atEnd()) {
                    throw error(start, "unterminated string");
                }
                char c = source.charAt(pos++);
                if (c == '\'') {
                    if (peek() == '\'') {
                        text.append('\'');
                        pos++;
                    } else {
                        return new Condition.TextLiteral(text.toString());
                    }
                } else {
                    text.append(c);
                }
            }
        }
        if (peek() == '-' || isDigit(peek())) {
            pos++;
            while (isDigit(peek())) {
                pos++;
            }
            if (peek() == '.') {
                pos++;
                if (!isDigit(peek())) {
                    throw error(pos, "expected a digit after the decimal point");
                }
                while (isDigit(peek())) {
                    pos++;
                }
            }
            String number = source.substring(start, pos);
            if (number.equals("-")) {
                throw error(start, "expected a number after '-'");
            }
            return new Condition.NumberLiteral(new BigDecimal(number));
        }
        throw error(start, "expected a number or a 'quoted string', found " + describeHere());
    }

    private String identifier() {
        skipSpace();
        int start = pos;
        if (!(peek() >= 'a' && peek() <= 'z')) {
            throw error(start, "expected a question id, found " + describeHere());
        }
        while (isIdChar(peek())) {
            pos++;
        }
        return source.substring(start, pos);
    }

    private boolean keyword(String word) {
        skipSpace();
        if (source.startsWith(word, pos) && !isIdChar(charAt(pos + word.length()))) {
            pos += word.length();
            return true;
        }
        return false;
    }

    private boolean symbol(String s) {
        skipSpace();
        if (source.startsWith(s, pos)) {
            pos += s.length();
            return true;
        }
        return false;
    }

    private void expect(String s) {
        if (!symbol(s)) {
            throw error(pos, "expected '" + s + "', found " + describeHere());
        }
    }

    private void enter() {
        if (++depth > MAX_DEPTH) {
            throw error(pos, "nested deeper than " + MAX_DEPTH + " levels");
        }
    }

    private void skipSpace() {
        while (!atEnd() && Character.isWhitespace(source.charAt(pos))) {
            pos++;
        }
    }

    private boolean atEnd() {
        return pos >= source.length();
    }

    private char peek() {
        return charAt(pos);
    }

    private char charAt(int index) {
        return index < source.length() ? source.charAt(index) : '\0';
    }

    private static boolean isDigit(char c) {
        return c >= '0' && c <= '9';
    }

    private static boolean isIdChar(char c) {
        return (c >= 'a' && c <= 'z') || isDigit(c) || c == '_';
    }

    private String describeHere() {
        if (atEnd()) {
            return "the end";
        }
        int end = Math.min(source.length(), pos + 12);
        return String.format(Locale.ROOT, "\"%s\"", source.substring(pos, end));
    }

    private RoutingException error(int position, String reason) {
        return new RoutingException(source, position, reason);
    }
}
