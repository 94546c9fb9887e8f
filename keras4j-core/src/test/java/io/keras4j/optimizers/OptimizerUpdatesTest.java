package io.keras4j.optimizers;

import static io.keras4j.optimizers.Steps.assertValues;
import static io.keras4j.optimizers.Steps.runKernel;
import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/**
 * Three updates of the [2, 3] kernel of {@link Steps} by every optimizer, against numpy (float64)
 * implementations of Keras 3's update rules. Each reference is the function in the comment, run on
 * {@code w0} and {@code G}; lr is 0.1 unless said otherwise, other arguments at Keras's defaults.
 */
class OptimizerUpdatesTest {

  /*
   * def sgd(lr=0.1, mom=0.0, nesterov=False):
   *     w = w0.copy(); m = np.zeros_like(w)
   *     for g in G:
   *         if mom == 0: w = w - lr * g
   *         else:
   *             m = mom * m - lr * g
   *             w = w + (mom * m - lr * g if nesterov else m)
   *     return w
   */
  @Test
  void sgd() {
    assertValues(
        "sgd()", new double[] {0.5, -1.01, 1.46, -0.235, 1.97, 0.01}, runKernel(new SGD(0.1), 3));
  }

  @Test
  void sgdMomentum() {
    assertValues(
        "sgd(mom=0.9)",
        new double[] {0.5099, -0.9848, 1.3907, -0.3079, 2.0105, -0.0296},
        runKernel(new SGD(0.1).momentum(0.9), 3));
  }

  @Test
  void sgdNesterov() {
    assertValues(
        "sgd(mom=0.9, nesterov=True)",
        new double[] {0.50891, -0.99632, 1.36163, -0.28711, 1.97945, -0.01664},
        runKernel(new SGD(0.1).momentum(0.9).nesterov(true), 3));
  }

  /*
   * def adam(lr=0.1, b1=0.9, b2=0.999, eps=1e-7, ams=False):
   *     w = w0.copy(); m = np.zeros_like(w); v = np.zeros_like(w); vh = np.zeros_like(w)
   *     for t, g in enumerate(G, 1):
   *         alpha = lr * np.sqrt(1 - b2**t) / (1 - b1**t)
   *         m = m + (g - m) * (1 - b1); v = v + (g * g - v) * (1 - b2)
   *         if ams: vh = np.maximum(vh, v); vv = vh
   *         else: vv = v
   *         w = w - m * alpha / (np.sqrt(vv) + eps)
   *     return w
   */
  @Test
  void adam() {
    assertValues(
        "adam()",
        new double[] {
          0.44754289774128436,
          -0.9006376454569476,
          1.2477779697365317,
          -0.4053000201171796,
          2.0660256792920597,
          -0.07709800827325841
        },
        runKernel(new Adam(0.1), 3));
  }

  /** beta2 = 0.5 lets v fall between steps, so AMSGrad's maximum matters. */
  @Test
  void adamAmsgrad() {
    assertValues(
        "adam(b2=0.5, ams=True)",
        new double[] {
          0.44217669631374884,
          -0.9008586779138378,
          1.2464553320234535,
          -0.3982703067586648,
          2.06723552322095,
          -0.07881220250548708
        },
        runKernel(new Adam(0.1).beta2(0.5).amsgrad(true), 3));
    assertValues(
        "adam(b2=0.5)",
        new double[] {
          0.4421035684721292,
          -0.896869869444223,
          1.2272712833268364,
          -0.42421146275872523,
          2.062767213876453,
          -0.07525507889097946
        },
        runKernel(new Adam(0.1).beta2(0.5), 3));
  }

  /*
   * def adamw(lr=0.1, wd=0.004):  # adam() with, at the start of each step,
   *     ...  w = w - w * wd * lr
   */
  @Test
  void adamW() {
    AdamW opt = new AdamW(0.1);
    assertEquals(0.004, opt.weightDecay());
    assertValues(
        "adamw()",
        new double[] {
          0.44700335178440015,
          -0.8995287614591748,
          1.2460974865420222,
          -0.40488986804528293,
          2.06354876092366,
          -0.07702319140146732
        },
        runKernel(opt, 3));
  }

  /*
   * def adadelta(lr=1.0, rho=0.95, eps=1e-7):
   *     w = w0.copy(); ag = np.zeros_like(w); ad = np.zeros_like(w)
   *     for g in G:
   *         ag = rho * ag + (1 - rho) * g * g
   *         d = -np.sqrt(ad + eps) * g / np.sqrt(ag + eps)
   *         ad = rho * ad + (1 - rho) * d * d
   *         w = w + lr * d
   *     return w
   */
  @Test
  void adadelta() {
    assertValues(
        "adadelta(lr=1.0)",
        new double[] {
          0.4989928921966298,
          -1.0009858462028418,
          1.4980895093618531,
          -0.2499903967966613,
          1.99899794355449,
          0.00012063792327337555
        },
        runKernel(new Adadelta(1.0), 3));
  }

  /*
   * def adagrad(lr=0.1, init=0.1, eps=1e-7):
   *     w = w0.copy(); acc = np.full_like(w, init)
   *     for g in G:
   *         acc = acc + g * g
   *         w = w - lr * g / np.sqrt(acc + eps)
   *     return w
   */
  @Test
  void adagrad() {
    assertValues(
        "adagrad()",
        new double[] {
          0.49610608126054934,
          -1.0182507857752892,
          1.409884834475627,
          -0.2621585338852975,
          1.9838499430329273,
          -0.01664668321111927
        },
        runKernel(new Adagrad(0.1), 3));
  }

  /*
   * def adamax(lr=0.1, b1=0.9, b2=0.999, eps=1e-7):
   *     w = w0.copy(); m = np.zeros_like(w); u = np.zeros_like(w)
   *     for t, g in enumerate(G, 1):
   *         m = m + (g - m) * (1 - b1)
   *         u = np.maximum(b2 * u, np.abs(g))
   *         w = w - lr * m / ((1 - b1**t) * (u + eps))
   *     return w
   */
  @Test
  void adamax() {
    assertValues(
        "adamax()",
        new double[] {
          0.4354878255362346,
          -0.9025425796173876,
          1.2776524197042034,
          -0.3897946915783494,
          2.0692500869064485,
          -0.08037137936676764
        },
        runKernel(new Adamax(0.1), 3));
  }

  /*
   * def ftrl(lr=0.1, power=-0.5, init=0.1, l1=0.0, l2=0.0, shrink=0.0, beta=0.0):
   *     w = w0.copy(); n = np.full_like(w, init); z = np.zeros_like(w)
   *     for g in G:
   *         l2r = l2 + beta / (2 * lr)
   *         gs = g + 2 * shrink * w
   *         nn = n + g * g
   *         z = z + gs - (nn**(-power) - n**(-power)) / lr * w
   *         quad = nn**(-power) / lr + 2 * l2r
   *         w = (np.clip(z, -l1, l1) - z) / quad
   *         n = nn
   *     return w
   */
  @Test
  void ftrl() {
    assertValues(
        "ftrl()",
        new double[] {
          0.019374781198034933,
          -0.17309653263782707,
          0.321670436385592,
          -0.10711512648531105,
          0.9148049794606331,
          -0.016646689046977484
        },
        runKernel(new Ftrl(0.1), 3));
  }

  @Test
  void ftrlRegularized() {
    Ftrl opt =
        new Ftrl(0.1)
            .learningRatePower(-0.7)
            .l1RegularizationStrength(0.01)
            .l2RegularizationStrength(0.02)
            .l2ShrinkageRegularizationStrength(0.03)
            .beta(0.5);
    assertValues(
        "ftrl(power=-0.7, l1=0.01, l2=0.02, shrink=0.03, beta=0.5)",
        new double[] {
          0.003615967861835113,
          -0.07123360379228887,
          0.14509919679605837,
          -0.05045660994269391,
          0.536306628773485,
          -0.006485368769104642
        },
        runKernel(opt, 3));
  }

  /*
   * def nadam(lr=0.1, b1=0.9, b2=0.999, eps=1e-7):
   *     w = w0.copy(); m = np.zeros_like(w); v = np.zeros_like(w); prod = 1.0
   *     for t, g in enumerate(G, 1):
   *         u_t = b1 * (1 - 0.5 * 0.96**t); u_next = b1 * (1 - 0.5 * 0.96**(t + 1))
   *         prod = prod * u_t  # Keras updates u_product before the update steps
   *         prod_next = prod * u_next
   *         m = m + (g - m) * (1 - b1); v = v + (g * g - v) * (1 - b2)
   *         m_hat = u_next * m / (1 - prod_next) + (1 - u_t) * g / (1 - prod)
   *         v_hat = v / (1 - b2**t)
   *         w = w - m_hat * lr / (np.sqrt(v_hat) + eps)
   *     return w
   */
  @Test
  void nadam() {
    assertValues(
        "nadam()",
        new double[] {
          0.43604577637354575,
          -1.0019659332447401,
          1.3488330625770062,
          -0.29225375500153644,
          1.9967962707395503,
          -0.03189394946044545
        },
        runKernel(new Nadam(0.1), 3));
  }

  /*
   * def rmsprop(lr=0.1, rho=0.9, mom=0.0, eps=1e-7, centered=False):
   *     w = w0.copy(); v = np.zeros_like(w); a = np.zeros_like(w); mm = np.zeros_like(w)
   *     for g in G:
   *         v = rho * v + (1 - rho) * g * g
   *         if centered:
   *             a = rho * a + (1 - rho) * g; den = v - a * a + eps
   *         else: den = v + eps
   *         inc = lr * g / np.sqrt(den)
   *         if mom > 0: mm = mom * mm + inc; w = w - mm
   *         else: w = w - inc
   *     return w
   */
  @Test
  void rmsprop() {
    assertValues(
        "rmsprop()",
        new double[] {
          0.309276578801035,
          -1.0528907279370505,
          1.093664565369052,
          -0.33699439636202144,
          1.9549356739196808,
          -0.07087760448722014
        },
        runKernel(new RMSprop(0.1), 3));
  }

  @Test
  void rmspropCenteredWithMomentum() {
    assertValues(
        "rmsprop(mom=0.5, centered=True)",
        new double[] {
          0.2033568629122421,
          -0.8633293295600784,
          0.7110404917591164,
          -0.6271675086906955,
          2.1056989936833115,
          -0.21472776987229925
        },
        runKernel(new RMSprop(0.1).momentum(0.5).centered(true), 3));
  }

  /*
   * def lion(lr=0.1, b1=0.9, b2=0.99):
   *     w = w0.copy(); m = np.zeros_like(w)
   *     for g in G:
   *         w = w - lr * np.sign(m * b1 + g * (1 - b1))
   *         m = m * b2 + g * (1 - b2)
   *     return w
   */
  @Test
  void lion() {
    assertValues(
        "lion()", new double[] {0.4, -1.1, 1.4, -0.35, 1.9, 0.1}, runKernel(new Lion(0.1), 3));
  }
}
