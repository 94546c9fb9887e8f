package io.keras4j.trainers;

import io.keras4j.callbacks.Callback;
import io.keras4j.callbacks.CallbackList;
import io.keras4j.models.Model;
import java.util.List;
import java.util.Map;

/** The callback list of a fit/evaluate/predict call, set up as Keras's loops set it up. */
final class Callbacks {
  private Callbacks() {}

  static CallbackList list(
      List<Callback> user, boolean history, int verbose, Model model, Map<String, Object> params) {
    CallbackList list = new CallbackList(user, history, verbose != 0);
    list.setModel(model);
    list.setParams(params);
    return list;
  }
}
