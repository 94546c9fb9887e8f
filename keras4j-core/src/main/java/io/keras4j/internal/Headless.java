package io.keras4j.internal;

import java.util.Locale;

/**
 * Drawing needs no display: images are drawn into memory. Without a display (no {@code DISPLAY} on
 * Linux), the AWT is told so before anything loads it, unless the application said otherwise. Used
 * by {@code plotModel} and by the module io.keras4j.plots (a qualified export).
 */
public final class Headless {
  private Headless() {}

  public static void ensure() {
    if (System.getProperty("java.awt.headless") != null) {
      return; // the application decided
    }
    String os = System.getProperty("os.name", "").toLowerCase(Locale.ROOT);
    if (os.contains("win") || os.contains("mac")) {
      return;
    }
    String display = System.getenv("DISPLAY");
    String wayland = System.getenv("WAYLAND_DISPLAY");
    if ((display == null || display.isBlank()) && (wayland == null || wayland.isBlank())) {
      System.setProperty("java.awt.headless", "true");
    }
  }
}
