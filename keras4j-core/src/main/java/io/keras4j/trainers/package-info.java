/**
 * The training half of a model, as Keras 3's {@code keras.src.trainers}: {@link
 * io.keras4j.trainers.Trainer}, which {@link io.keras4j.models.Model} extends ({@code compile},
 * {@code fit}, {@code evaluate}, {@code predict} and the open step they run). Everything else here
 * (the loops, the batches, the compiled loss and metrics) is internal to the package.
 */
package io.keras4j.trainers;
