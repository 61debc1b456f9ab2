package org.nestor.core.spi;

import java.util.ArrayList;
import java.util.List;

/**
 * Splits a keyword value into an argument vector like a POSIX shell splits words: blanks separate,
 * single quotes keep everything, double quotes keep all but {@code \"} and {@code \\}, a backslash
 * escapes the next character. Nothing else of a shell applies: no variables, globs or pipes.
 */
public final class ArgumentVector {

    private ArgumentVector() {
    }

    /** @throws IllegalArgumentException on an unterminated quote or a trailing backslash */
    public static List<String> parse(String text) {
        List<String> words = new ArrayList<>();
        StringBuilder word = new StringBuilder();
        boolean inWord = false;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (Character.isWhitespace(c)) {
                if (inWord) {
                    words.add(word.toString());
                    word.setLength(0);
                    inWord = false;
                }
                continue;
            }
            inWord = true;
            if (c == '\'') {
                int end = text.indexOf('\'', i + 1);
                if (end < 0) {
                    throw new IllegalArgumentException("unterminated ' in: " + text);
                }
                word.append(text, i + 1, end);
                i = end;
            } else if (c == '"') {
                i = doubleQuoted(text, i + 1, word);
            } else if (c == '\\') {
                if (++i >= text.length()) {
                    throw new IllegalArgumentException("trailing \\ in: " + text);
                }
                word.append(text.charAt(i));
            } else {
                word.append(c);
            }
        }
        if (inWord) {
            words.add(word.toString());
        }
        return words;
    }

    /** Appends a double-quoted part starting after its quote; returns the index of the closing quote. */
    private static int doubleQuoted(String text, int from, StringBuilder word) {
        for (int i = from; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '"') {
                return i;
            }
            if (c == '\\' && i + 1 < text.length() && (text.charAt(i + 1) == '"' || text.charAt(i + 1) == '\\')) {
                c = text.charAt(++i);
            }
            word.append(c);
        }
        throw new IllegalArgumentException("unterminated \" in: " + text);
    }
}
