package org.nestor.core.internal.config;

/**
 * Integer arithmetic for {@code $(expr)}: + - * / % with parentheses and unary minus; '/' truncates.
 * Text that is not such an expression is reported as {@link NotAnExpression} so the caller can
 * leave it as written (a shell's {@code $(command)} in a value stays untouched).
 */
final class IntegerExpression {

    static final class NotAnExpression extends Exception {
        private static final long serialVersionUID = 1L;

        NotAnExpression() {
            super(null, null, false, false);
        }
    }

    private final String text;
    private int pos;

    private IntegerExpression(String text) {
        this.text = text;
    }

    /**
     * @throws NotAnExpression          when the text is not an integer expression
     * @throws IllegalArgumentException on division by zero or overflow
     */
    static long evaluate(String text) throws NotAnExpression {
        IntegerExpression expression = new IntegerExpression(text);
        long value = expression.sum();
        expression.skipSpaces();
        if (expression.pos != text.length()) {
            throw new NotAnExpression();
        }
        return value;
    }

    private long sum() throws NotAnExpression {
        long value = product();
        while (true) {
            char op = peek();
            if (op == '+' || op == '-') {
                pos++;
                long right = product();
                value = op == '+' ? Math.addExact(value, right) : Math.subtractExact(value, right);
            } else {
                return value;
            }
        }
    }

    private long product() throws NotAnExpression {
        long value = unary();
        while (true) {
            char op = peek();
            if (op == '*' || op == '/' || op == '%') {
                pos++;
                long right = unary();
                if (op != '*' && right == 0) {
                    throw new IllegalArgumentException("division by zero in $(" + text + ")");
                }
                value = op == '*' ? Math.multiplyExact(value, right) : op == '/' ? value / right : value % right;
            } else {
                return value;
            }
        }
    }

    private long unary() throws NotAnExpression {
        char c = peek();
        if (c == '-') {
            pos++;
            return Math.negateExact(unary());
        }
        if (c == '+') {
            pos++;
            return unary();
        }
        if (c == '(') {
            pos++;
            long value = sum();
            if (peek() != ')') {
                throw new NotAnExpression();
            }
            pos++;
            return value;
        }
        int start = pos;
        while (pos < text.length() && Character.isDigit(text.charAt(pos))) {
            pos++;
        }
        if (start == pos) {
            throw new NotAnExpression();
        }
        try {
            return Long.parseLong(text.substring(start, pos));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("integer too large in $(" + text + ")");
        }
    }

    private char peek() {
        skipSpaces();
        return pos < text.length() ? text.charAt(pos) : '\0';
    }

    private void skipSpaces() {
        while (pos < text.length() && text.charAt(pos) == ' ') {
            pos++;
        }
    }
}
