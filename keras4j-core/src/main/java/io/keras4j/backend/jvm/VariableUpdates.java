package io.keras4j.backend.jvm;

import static io.keras4j.backend.jvm.JvmTensors.floats;
import static io.keras4j.backend.jvm.JvmTensors.ints;
import static io.keras4j.backend.jvm.JvmTensors.mutableFloats;
import static io.keras4j.backend.jvm.JvmTensors.mutableInts;

import io.keras4j.DType;
import io.keras4j.Tensor;

/** In-place writes to a library-owned tensor (a variable's value): assign, assign_add/sub. */
final class VariableUpdates {
  private VariableUpdates() {}

  static void assign(Tensor target, Tensor value) {
    if (target.dtype() == DType.FLOAT32) {
      float[] src = floats(value);
      System.arraycopy(src, 0, mutableFloats(target), 0, src.length);
    } else {
      int[] src = ints(value);
      System.arraycopy(src, 0, mutableInts(target), 0, src.length);
    }
  }

  static void assignAdd(Tensor target, Tensor delta, boolean subtract) {
    int n = (int) target.size();
    boolean one = delta.size() == 1;
    if (target.dtype() == DType.FLOAT32) {
      float[] v = mutableFloats(target);
      float[] d = floats(delta);
      if (one) {
        float x = subtract ? -d[0] : d[0];
        for (int i = 0; i < n; i++) {
          v[i] += x;
        }
      } else if (subtract) {
        for (int i = 0; i < n; i++) {
          v[i] -= d[i];
        }
      } else {
        for (int i = 0; i < n; i++) {
          v[i] += d[i];
        }
      }
      return;
    }
    int[] v = mutableInts(target);
    if (delta.dtype() == DType.INT32) {
      int[] d = ints(delta);
      for (int i = 0; i < n; i++) {
        int x = d[one ? 0 : i];
        v[i] = subtract ? v[i] - x : v[i] + x;
      }
    } else {
      float[] d = floats(delta);
      for (int i = 0; i < n; i++) {
        double x = d[one ? 0 : i];
        v[i] = (int) (subtract ? v[i] - x : v[i] + x);
      }
    }
  }
}
