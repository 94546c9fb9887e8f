package io.keras4j.backend.pool;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.keras4j.DType;
import io.keras4j.Tensor;
import io.keras4j.backend.jvm.JvmTensors;
import io.keras4j.ops.Ops;
import org.junit.jupiter.api.Test;

/** The pool's lease: what a step's tensors may do once the step has ended. */
class BuffersTest {

  @Test
  void aStepsArraysAreLentAgainOnlyAfterItsLeaseIsReleased() {
    Buffers.Pool pool = new Buffers.Pool();
    Tensor kept;
    float[] lent;
    Buffers.Lease lease;
    try (Buffers.Scope s = pool.activate(7)) {
      lease = Buffers.lease();
      assertEquals(7, lease.step());
      lent = Buffers.floats(3);
      lent[0] = 2.5f;
      kept = JvmTensors.wrap(lent, 3);
      assertTrue(kept.isReadable());
      assertEquals(2.5f, kept.getFloat(0));
    }
    assertNull(Buffers.lease(), "no pool outside the step");
    assertTrue(lease.released());
    try (Buffers.Scope s = pool.activate(8)) {
      float[] again = Buffers.floats(3);
      assertSame(lent, again, "the array is reused by the next step");
      again[0] = -1f; // another step's value, which `kept` must never show
      var e = assertThrows(IllegalStateException.class, () -> kept.getFloat(0));
      assertTrue(e.getMessage().contains("end of step 7 of fit/evaluate/predict"), e.getMessage());
      assertFalse(Buffers.lease().released());
    }
    assertNotSame(lent, Buffers.floats(3), "outside a step: a new array");
  }

  @Test
  void factoriesAndCopiesOwnTheirArraysAndOutliveTheStep() {
    Buffers.Pool pool = new Buffers.Pool();
    Tensor copy;
    Tensor made;
    Tensor ints;
    Tensor view;
    try (Buffers.Scope s = pool.activate(3)) {
      Tensor y = Ops.add(Tensor.of(1f, 2f, 3f, 4f), 1f); // an op output, from the pool
      view = y.reshapeView(2, 2);
      copy = y.copy();
      assertNotSame(JvmTensors.floats(y), JvmTensors.floats(copy));
      made = Tensor.of(new float[] {5, 6}, 2); // a factory copies: not the step's
      ints = JvmTensors.wrapInts(new int[] {1, 2}, 2).copy();
    }
    assertFalse(view.isReadable(), "a view shares the step's array");
    assertThrows(IllegalStateException.class, view::toFloatArray);
    assertArrayEquals(new float[] {2, 3, 4, 5}, copy.toFloatArray());
    assertArrayEquals(new float[] {5, 6}, made.toFloatArray());
    assertEquals(DType.INT32, ints.dtype());
    assertArrayEquals(new int[] {1, 2}, ints.toIntArray());
  }

  @Test
  void aScopeInsideAStepAndAPoolTurnedOffLeaseNothingNew() {
    Buffers.Pool pool = new Buffers.Pool();
    try (Buffers.Scope outer = pool.activate(1)) {
      Buffers.Lease lease = Buffers.lease();
      try (Buffers.Scope inner = new Buffers.Pool().activate(2)) {
        assertSame(lease, Buffers.lease(), "the outer step goes on");
      }
      assertFalse(lease.released());
    }
    boolean before = Buffers.enabled();
    Buffers.setEnabled(false);
    try (Buffers.Scope s = pool.activate(4)) {
      assertNull(Buffers.lease());
      Tensor t = JvmTensors.wrap(Buffers.floats(2), 2);
      assertTrue(t.isReadable());
    } finally {
      Buffers.setEnabled(before);
    }
  }
}
