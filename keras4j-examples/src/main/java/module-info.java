/** The runnable examples: each is an application of keras4j's public API and nothing more. */
module io.keras4j.examples {
  requires io.keras4j;

  exports io.keras4j.examples;
}
