package io.keras4j.trainers;

/** A weighted running mean of scalars: the trainer's loss trackers ("loss", "output_1_loss"). */
final class MeanTracker {
  final String name;
  private double total;
  private double count;

  MeanTracker(String name) {
    this.name = name;
  }

  void update(double value, double weight) {
    total += value * weight;
    count += weight;
  }

  double result() {
    return count == 0 ? 0 : total / count;
  }

  void reset() {
    total = 0;
    count = 0;
  }
}
