package io.keras4j.datasets;

/**
 * The keyword arguments of Keras's {@code keras.datasets.imdb.load_data}, for {@link
 * Imdb#loadData(ImdbOptions)}, with Keras's defaults: {@code numWords} none (every word), {@code
 * skipTop} 0, {@code maxlen} none, {@code seed} 113, {@code startChar} 1, {@code oovChar} 2, {@code
 * indexFrom} 3.
 */
public final class ImdbOptions extends WordIndexOptions<ImdbOptions> {
  public ImdbOptions() {
    super("Imdb");
  }

  @Override
  ImdbOptions self() {
    return this;
  }

  /** Keep the {@code numWords - 1} most frequent words' indices (below {@code numWords}). */
  public ImdbOptions numWords(int numWords) {
    this.numWords = positive("numWords", numWords);
    return this;
  }

  /** Drop the reviews of {@code maxlen} or more tokens (the start token counted), as Keras. */
  public ImdbOptions maxlen(int maxlen) {
    this.maxlen = positive("maxlen", maxlen);
    return this;
  }
}
