package io.keras4j.benchmarks;

import io.keras4j.DType;
import io.keras4j.Tensor;
import io.keras4j.Variable;
import io.keras4j.ops.GradientTape;
import io.keras4j.ops.Ops;
import io.keras4j.optimizers.Adam;
import io.keras4j.optimizers.Optimizer;
import io.keras4j.optimizers.RMSprop;
import io.keras4j.optimizers.SGD;
import io.keras4j.random.RandomOps;
import java.util.List;

/**
 * Calls every op of every backend family many times, on several shapes and broadcasting layouts,
 * forward and backward: what a JVM has done after some training, so that a benchmark measured after
 * it shows the cost of shared call sites and polluted profiles (the "polluted" JVM of {@link
 * ElementwiseBenchmark}).
 */
final class Pollution {
  private Pollution() {}

  /** Runs every op {@code rounds} times. */
  static void run(int rounds) {
    Tensor a = RandomOps.uniform(new int[] {8, 33}, -2, 2, 1);
    Tensor b = RandomOps.uniform(new int[] {8, 33}, -2, 2, 2);
    Tensor bias = RandomOps.uniform(new int[] {33}, -1, 1, 3);
    Tensor col = RandomOps.uniform(new int[] {8, 1}, -1, 1, 4);
    Tensor pos = Ops.add(Ops.abs(a), 0.1f);
    Tensor s = Tensor.scalar(0.7f);
    Tensor labels = Tensor.ofInts(new int[] {0, 5, 7, 32, 1, 2, 3, 4}, 8);
    Tensor onehot = Ops.oneHot(labels, 33);
    Tensor probs = Ops.softmax(b);
    Variable w = new Variable("w", RandomOps.normal(new int[] {33, 16}, 0, 0.1, 5), true);
    List<Optimizer> optimizers = List.of(new SGD(0.01), new Adam(0.001), new RMSprop(0.001));
    for (int r = 0; r < rounds; r++) {
      try (GradientTape tape = new GradientTape()) {
        tape.watch(a);
        tape.watch(b);
        tape.watch(w);
        Tensor y = elementwise(a, b, bias, col, pos, s);
        y = Ops.add(y, nn(a, b, labels, onehot, probs));
        y = Ops.add(y, Ops.sum(Ops.matmul(a, w.value())));
        y = Ops.add(y, array(a, b, labels));
        List<Tensor> g = tape.gradient(y, List.of(a, b, w.value()));
        Optimizer opt = optimizers.get(r % optimizers.size());
        opt.applyGradients(List.of(g.get(2)), List.of(w));
      }
      RandomOps.truncatedNormal(new int[] {64}, 0, 1, r);
    }
  }

  private static Tensor elementwise(
      Tensor a, Tensor b, Tensor bias, Tensor col, Tensor pos, Tensor s) {
    Tensor[] unary = {
      Ops.negative(a),
      Ops.abs(a),
      Ops.sign(a),
      Ops.square(a),
      Ops.sqrt(pos),
      Ops.rsqrt(pos),
      Ops.exp(a),
      Ops.expm1(a),
      Ops.log(pos),
      Ops.log1p(pos),
      Ops.tanh(a),
      Ops.sigmoid(a),
      Ops.relu(a),
      Ops.softplus(a),
      Ops.softsign(a),
      Ops.erf(a),
      Ops.sin(a),
      Ops.cos(a),
      Ops.reciprocal(pos),
      Ops.floor(a),
      Ops.ceil(a),
      Ops.round(a),
      Ops.clip(a, -1, 1),
      Ops.cast(Ops.cast(a, DType.INT32), DType.FLOAT32),
      Ops.relu6(a),
      Ops.leakyRelu(a),
      Ops.elu(a),
      Ops.selu(a),
      Ops.gelu(a),
      Ops.gelu(a, false),
      Ops.silu(a),
      Ops.hardSigmoid(a),
      Ops.hardSilu(a),
      Ops.logSigmoid(a)
    };
    Tensor acc = Ops.add(a, b);
    for (Tensor u : unary) {
      acc = Ops.add(acc, u);
    }
    Tensor[] binary = {
      Ops.subtract(a, bias),
      Ops.multiply(a, col),
      Ops.divide(a, Ops.add(pos, 1f)),
      Ops.power(pos, s),
      Ops.maximum(a, b),
      Ops.minimum(a, bias),
      Ops.multiply(a, s),
      Ops.add(s, a),
      Ops.subtract(s, a),
      Ops.divide(s, pos),
      Ops.add(col, bias)
    };
    for (Tensor t : binary) {
      acc = Ops.add(acc, t);
    }
    Tensor[] logic = {
      Ops.equal(a, b), Ops.notEqual(a, s), Ops.greater(a, bias), Ops.greaterEqual(a, col),
      Ops.less(s, a), Ops.lessEqual(a, b), Ops.logicalAnd(a, b), Ops.logicalOr(a, s),
      Ops.logicalNot(a), Ops.where(Ops.greater(a, b), a, b)
    };
    for (Tensor t : logic) {
      acc = Ops.add(acc, t);
    }
    Tensor red =
        Ops.add(
            Ops.add(Ops.sum(acc), Ops.mean(acc, 0)).reshapeView(33),
            Ops.add(Ops.max(acc, 1), Ops.min(acc, 1)).reshapeView(8, 1));
    Tensor lse = Ops.add(Ops.logsumexp(acc, 1, true), Ops.logsumexp(acc, new int[] {0}, true));
    Ops.argmax(acc, 1);
    Ops.argmin(acc, 0);
    return Ops.sum(Ops.add(Ops.add(red, lse), Ops.cumsum(acc, 1)));
  }

  private static Tensor nn(Tensor a, Tensor b, Tensor labels, Tensor onehot, Tensor probs) {
    Tensor t = Ops.add(Ops.sum(Ops.softmax(a)), Ops.sum(Ops.softmax(a, 0)));
    t = Ops.add(t, Ops.sum(Ops.logSoftmax(b)));
    t = Ops.add(t, Ops.sum(Ops.logSoftmax(b, 0)));
    t = Ops.add(t, Ops.sum(Ops.categoricalCrossentropy(onehot, a, true)));
    t = Ops.add(t, Ops.sum(Ops.categoricalCrossentropy(probs, Ops.softmax(b))));
    t = Ops.add(t, Ops.sum(Ops.categoricalCrossentropy(onehot, a, true, 0)));
    t = Ops.add(t, Ops.sum(Ops.sparseCategoricalCrossentropy(labels, a, true)));
    t = Ops.add(t, Ops.sum(Ops.sparseCategoricalCrossentropy(labels, Ops.softmax(b))));
    t = Ops.add(t, Ops.sum(Ops.binaryCrossentropy(Ops.sigmoid(b), a, true)));
    return Ops.add(t, Ops.sum(Ops.binaryCrossentropy(Ops.sigmoid(b), Ops.sigmoid(a))));
  }

  private static Tensor array(Tensor a, Tensor b, Tensor labels) {
    Tensor t = Ops.sum(Ops.transpose(a));
    t = Ops.add(t, Ops.sum(Ops.concatenate(List.of(a, b), 1)));
    t = Ops.add(t, Ops.sum(Ops.slice(a, new int[] {1, 2}, new int[] {3, 5})));
    t = Ops.add(t, Ops.sum(Ops.take(a, labels, 1)));
    t = Ops.add(t, Ops.sum(Ops.pad(a, new int[][] {{1, 1}})));
    t = Ops.add(t, Ops.sum(Ops.tile(a, 2, 1)));
    t = Ops.add(t, Ops.sum(Ops.repeat(a, 2, 0)));
    t = Ops.add(t, Ops.sum(Ops.broadcastTo(Ops.expandDims(a, 0), 2, 8, 33)));
    t = Ops.add(t, Ops.sum(Ops.stack(List.of(a, b))));
    t = Ops.add(t, Ops.sum(Ops.matmul(a, b, false, true)));
    return Ops.add(t, Ops.sum(Ops.squeeze(Ops.reshape(a, 1, 8, 33))));
  }
}
