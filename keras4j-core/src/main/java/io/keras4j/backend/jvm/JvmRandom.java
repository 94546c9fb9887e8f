package io.keras4j.backend.jvm;

import io.keras4j.backend.RandomKernels;

/** The Java implementation of {@link RandomKernels}. */
final class JvmRandom implements RandomKernels {}
