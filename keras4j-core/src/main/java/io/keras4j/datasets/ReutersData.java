package io.keras4j.datasets;

import java.util.List;

/**
 * Reuters as {@code keras.datasets.reuters.load_data} returns it: ragged newswires of word indices
 * (pad them with {@link io.keras4j.utils.Sequences#padSequences}) and topic labels 0..45 ({@link
 * Reuters#getLabelNames()}).
 *
 * @param xTrain the training newswires
 * @param yTrain their topics
 * @param xTest the test newswires
 * @param yTest their topics
 */
public record ReutersData(List<int[]> xTrain, int[] yTrain, List<int[]> xTest, int[] yTest) {}
