package io.keras4j.spark;

import java.io.IOException;

/** A peer of the ring all-reduce sent nothing within the stated timeout. */
public final class PeerTimeoutException extends IOException {
  PeerTimeoutException(String message, Throwable cause) {
    super(message, cause);
  }
}
