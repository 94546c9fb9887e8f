package io.keras4j.datasets;

import io.keras4j.data.Dataset;

/**
 * A dataset delivered as a training part and a test part, as Keras's {@code load_data()} returns
 * {@code (x_train, y_train), (x_test, y_test)}.
 *
 * @param train the training rows
 * @param test the test rows
 */
public record TrainTestData(Dataset train, Dataset test) {}
