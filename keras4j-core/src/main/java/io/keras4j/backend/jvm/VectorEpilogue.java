package io.keras4j.backend.jvm;

import io.keras4j.backend.FusedActivation;
import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.VectorMask;
import jdk.incubator.vector.VectorOperators;
import jdk.incubator.vector.VectorSpecies;

/**
 * The Vector API loops of a fused product's epilogue and backward; see {@link ScalarEpilogue} for
 * the contract. Sigmoid is {@code 1 / (1 + exp(-v))} and tanh the lanewise TANH, in float32 (within
 * a few ulp of the scalar loops, not bit-identical); relu and linear are exact. Tails go through
 * the scalar loops.
 */
final class VectorEpilogue {
  private static final VectorSpecies<Float> S = FloatVector.SPECIES_PREFERRED;
  private static final int L = S.length();
  private static final FloatVector ZERO = FloatVector.zero(S);
  private static final FloatVector ONE = FloatVector.broadcast(S, 1f);

  private VectorEpilogue() {}

  static void row(float[] c, int off, int n, float[] bias, int col0, FusedActivation act) {
    int j = 0;
    int bound = S.loopBound(n);
    switch (act) {
      case LINEAR -> {
        if (bias == null) {
          return;
        }
        for (; j < bound; j += L) {
          FloatVector.fromArray(S, c, off + j)
              .add(FloatVector.fromArray(S, bias, col0 + j))
              .intoArray(c, off + j);
        }
      }
      case RELU -> {
        for (; j < bound; j += L) {
          load(c, off + j, bias, col0 + j).max(ZERO).intoArray(c, off + j);
        }
      }
      case SIGMOID -> {
        for (; j < bound; j += L) {
          FloatVector v = load(c, off + j, bias, col0 + j);
          VectorMath.sigmoid(v).intoArray(c, off + j);
        }
      }
      case TANH -> {
        for (; j < bound; j += L) {
          VectorMath.tanh(load(c, off + j, bias, col0 + j)).intoArray(c, off + j);
        }
      }
    }
    if (j < n) {
      ScalarEpilogue.row(c, off + j, n - j, bias, col0 + j, act);
    }
  }

  private static FloatVector load(float[] c, int at, float[] bias, int bAt) {
    FloatVector v = FloatVector.fromArray(S, c, at);
    return bias == null ? v : v.add(FloatVector.fromArray(S, bias, bAt));
  }

  static void gradRow(
      FusedActivation act, float[] dy, float[] y, int off, float[] dz, float[] db, int n) {
    // db runs from index 0 (one row of the product's columns), dy, y and dz from off.
    int j = 0;
    int bound = S.loopBound(n);
    switch (act) {
      case LINEAR -> {
        for (; j < bound; j += L) {
          store(FloatVector.fromArray(S, dy, off + j), dz, off + j, db, j);
        }
      }
      case RELU -> {
        for (; j < bound; j += L) {
          VectorMask<Float> on =
              FloatVector.fromArray(S, y, off + j).compare(VectorOperators.GT, 0f);
          store(ZERO.blend(FloatVector.fromArray(S, dy, off + j), on), dz, off + j, db, j);
        }
      }
      case SIGMOID -> {
        for (; j < bound; j += L) {
          FloatVector s = FloatVector.fromArray(S, y, off + j);
          FloatVector d = FloatVector.fromArray(S, dy, off + j).mul(s.mul(ONE.sub(s)));
          store(d, dz, off + j, db, j);
        }
      }
      case TANH -> {
        for (; j < bound; j += L) {
          FloatVector t = FloatVector.fromArray(S, y, off + j);
          FloatVector d = FloatVector.fromArray(S, dy, off + j).mul(ONE.sub(t.mul(t)));
          store(d, dz, off + j, db, j);
        }
      }
    }
    if (j < n) {
      ScalarEpilogue.gradRow(act, dy, y, off + j, dz, db, j, n - j);
    }
  }

  private static void store(FloatVector d, float[] dz, int at, float[] db, int j) {
    d.intoArray(dz, at);
    if (db != null) {
      FloatVector.fromArray(S, db, j).add(d).intoArray(db, j);
    }
  }
}
