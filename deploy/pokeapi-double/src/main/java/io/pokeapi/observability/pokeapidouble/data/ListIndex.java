package io.pokeapi.observability.pokeapidouble.data;

/**
 * An endpoint index file that has the list shape ({@code count}, {@code next}, {@code previous},
 * {@code results}) and is therefore paged, as the live function pages it.
 *
 * @param slot a number unique among the lists of its {@link DataSet}, from 0
 * @param source the stored file
 * @param size how many entries {@code results} holds
 */
public record ListIndex(int slot, SourceFile source, int size) {}
