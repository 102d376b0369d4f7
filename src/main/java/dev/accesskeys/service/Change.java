package dev.accesskeys.service;

/**
 * A field given in a request, possibly with the value null; an absent field is a null {@code Change}.
 */
public record Change<T>(T value) {

    public static <T> Change<T> to(T value) {
        return new Change<>(value);
    }
}
