package io.keras4j.datasets;

import java.util.List;

/**
 * IMDB as {@code keras.datasets.imdb.load_data} returns it: ragged reviews of word indices (pad
 * them with {@link io.keras4j.utils.Sequences#padSequences}) and 0/1 labels (1 positive).
 *
 * @param xTrain the training reviews
 * @param yTrain their labels
 * @param xTest the test reviews
 * @param yTest their labels
 */
public record ImdbData(List<int[]> xTrain, int[] yTrain, List<int[]> xTest, int[] yTest) {}
