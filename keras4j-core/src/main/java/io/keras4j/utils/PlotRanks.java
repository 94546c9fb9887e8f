package io.keras4j.utils;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.Deque;
import java.util.List;

/**
 * A simple layered (Sugiyama) layout of a directed acyclic graph, without a display: each node's
 * rank is its longest path from the inputs; an edge across several ranks goes through a point on
 * each rank it crosses; the order within a rank comes from barycenter sweeps down and up that keep
 * the order with the fewest crossings; positions across a rank sit as close to the neighbours'
 * average as the spacing allows (isotonic regression, pool adjacent violators).
 */
final class PlotRanks {
  /** How far from a box's corner a straight edge may leave or enter it. */
  static final double PORT_INSET = 12;

  private final int real;
  private final int[] rank;
  private final double[] breadth;
  private final double[] x;
  private final double[] rankCenter;
  private final double[] rankDepth;
  private final double[] depth;
  private final double rankSep;
  private final List<int[]> chains = new ArrayList<>();

  private PlotRanks(int real, int[] rank, double[] breadth, double[] depth, double rankSep) {
    this.real = real;
    this.rank = rank;
    this.breadth = breadth;
    this.depth = depth;
    this.x = new double[breadth.length];
    int ranks = 0;
    for (int r : rank) {
      ranks = Math.max(ranks, r + 1);
    }
    this.rankCenter = new double[ranks];
    this.rankDepth = new double[ranks];
    this.rankSep = rankSep;
  }

  static PlotRanks of(
      double[] breadth, double[] depth, int[][] edges, double nodeSep, double rankSep) {
    int n = breadth.length;
    int[] rank = longestPathRanks(n, edges);
    // Dummy points on the ranks a long edge crosses.
    List<Integer> ranks = new ArrayList<>();
    for (int r : rank) {
      ranks.add(r);
    }
    List<int[]> chains = new ArrayList<>();
    for (int[] e : edges) {
      int from = e[0];
      int to = e[1];
      int span = rank[to] - rank[from];
      int[] chain = new int[Math.max(2, span + 1)];
      chain[0] = from;
      chain[chain.length - 1] = to;
      for (int k = 1; k < span; k++) {
        chain[k] = ranks.size();
        ranks.add(rank[from] + k);
      }
      chains.add(chain);
    }
    int total = ranks.size();
    int[] allRanks = new int[total];
    double[] allBreadth = new double[total];
    double[] allDepth = new double[total];
    for (int i = 0; i < total; i++) {
      allRanks[i] = ranks.get(i);
      allBreadth[i] = i < n ? breadth[i] : 0;
      allDepth[i] = i < n ? depth[i] : 0;
    }
    PlotRanks p = new PlotRanks(n, allRanks, allBreadth, allDepth, rankSep);
    p.chains.addAll(chains);
    p.place(nodeSep);
    return p;
  }

  /** Rank of each node: the longest path to it from a node without inputs (Kahn's order). */
  static int[] longestPathRanks(int n, int[][] edges) {
    int[] indegree = new int[n];
    List<List<Integer>> succ = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      succ.add(new ArrayList<>());
    }
    for (int[] e : edges) {
      succ.get(e[0]).add(e[1]);
      indegree[e[1]]++;
    }
    int[] rank = new int[n];
    Deque<Integer> ready = new ArrayDeque<>();
    for (int i = 0; i < n; i++) {
      if (indegree[i] == 0) {
        ready.add(i);
      }
    }
    while (!ready.isEmpty()) {
      int u = ready.poll();
      for (int v : succ.get(u)) {
        rank[v] = Math.max(rank[v], rank[u] + 1);
        if (--indegree[v] == 0) {
          ready.add(v);
        }
      }
    }
    return rank;
  }

  private void place(double nodeSep) {
    int total = rank.length;
    List<List<Integer>> layers = new ArrayList<>();
    for (int r = 0; r < rankCenter.length; r++) {
      layers.add(new ArrayList<>());
    }
    for (int i = 0; i < total; i++) {
      layers.get(rank[i]).add(i);
    }
    List<List<Integer>> pred = new ArrayList<>();
    List<List<Integer>> succ = new ArrayList<>();
    for (int i = 0; i < total; i++) {
      pred.add(new ArrayList<>());
      succ.add(new ArrayList<>());
    }
    for (int[] chain : chains) {
      for (int k = 0; k + 1 < chain.length; k++) {
        if (rank[chain[k + 1]] == rank[chain[k]] + 1) {
          succ.get(chain[k]).add(chain[k + 1]);
          pred.get(chain[k + 1]).add(chain[k]);
        }
      }
    }
    order(layers, pred, succ);
    // Depth: ranks one after the other, each as deep as its deepest box.
    double c = 0;
    for (int r = 0; r < rankCenter.length; r++) {
      for (int i : layers.get(r)) {
        rankDepth[r] = Math.max(rankDepth[r], depth[i]);
      }
      c += r == 0 ? rankDepth[0] / 2 : rankDepth[r - 1] / 2 + rankSep + rankDepth[r] / 2;
      rankCenter[r] = c;
    }
    // Breadth: packed, then pulled towards the neighbours above and below, alternately.
    for (List<Integer> layer : layers) {
      double[] desired = new double[layer.size()];
      align(layer, desired, nodeSep);
    }
    for (int iter = 0; iter < 8; iter++) {
      boolean down = iter % 2 == 0;
      for (int k = 0; k < layers.size(); k++) {
        int r = down ? k : layers.size() - 1 - k;
        List<Integer> layer = layers.get(r);
        double[] desired = new double[layer.size()];
        for (int j = 0; j < layer.size(); j++) {
          List<Integer> nb = (down ? pred : succ).get(layer.get(j));
          double sum = 0;
          for (int v : nb) {
            sum += x[v];
          }
          desired[j] = nb.isEmpty() ? x[layer.get(j)] : sum / nb.size();
        }
        align(layer, desired, nodeSep);
      }
    }
  }

  /** Barycenter sweeps; keeps the order with the fewest crossings. */
  private void order(
      List<List<Integer>> layers, List<List<Integer>> pred, List<List<Integer>> succ) {
    int[] pos = new int[rank.length];
    updatePositions(layers, pos);
    List<List<Integer>> best = copy(layers);
    long bestCrossings = crossings(layers, succ, pos);
    for (int iter = 0; iter < 24 && bestCrossings > 0; iter++) {
      boolean down = iter % 2 == 0;
      for (int k = 1; k < layers.size(); k++) {
        int r = down ? k : layers.size() - 1 - k;
        List<Integer> layer = layers.get(r);
        double[] key = new double[rank.length];
        for (int v : layer) {
          List<Integer> nb = (down ? pred : succ).get(v);
          double sum = 0;
          for (int u : nb) {
            sum += pos[u];
          }
          key[v] = nb.isEmpty() ? pos[v] : sum / nb.size();
        }
        layer.sort(Comparator.comparingDouble(v -> key[v]));
        for (int j = 0; j < layer.size(); j++) {
          pos[layer.get(j)] = j;
        }
      }
      long crossings = crossings(layers, succ, pos);
      if (crossings < bestCrossings) {
        bestCrossings = crossings;
        best = copy(layers);
      }
    }
    for (int r = 0; r < layers.size(); r++) {
      layers.set(r, best.get(r));
    }
  }

  private static void updatePositions(List<List<Integer>> layers, int[] pos) {
    for (List<Integer> layer : layers) {
      for (int j = 0; j < layer.size(); j++) {
        pos[layer.get(j)] = j;
      }
    }
  }

  private static List<List<Integer>> copy(List<List<Integer>> layers) {
    List<List<Integer>> c = new ArrayList<>();
    for (List<Integer> l : layers) {
      c.add(new ArrayList<>(l));
    }
    return c;
  }

  /** Pairs of edges between successive ranks that cross. */
  static long crossings(List<List<Integer>> layers, List<List<Integer>> succ, int[] pos) {
    long count = 0;
    for (List<Integer> layer : layers) {
      List<int[]> segments = new ArrayList<>();
      for (int u : layer) {
        for (int v : succ.get(u)) {
          segments.add(new int[] {pos[u], pos[v]});
        }
      }
      for (int a = 0; a < segments.size(); a++) {
        for (int b = a + 1; b < segments.size(); b++) {
          int[] s = segments.get(a);
          int[] t = segments.get(b);
          if ((long) (s[0] - t[0]) * (s[1] - t[1]) < 0) {
            count++;
          }
        }
      }
    }
    return count;
  }

  /**
   * Centers as close to {@code desired} as the order and spacing allow: with offsets o (the least
   * distance from the first center), z = x - o must not decrease, and the least-squares such z is
   * the isotonic regression of desired - o.
   */
  private void align(List<Integer> layer, double[] desired, double sep) {
    int m = layer.size();
    if (m == 0) {
      return;
    }
    double[] offset = new double[m];
    for (int j = 1; j < m; j++) {
      double half = (breadth[layer.get(j - 1)] + breadth[layer.get(j)]) / 2;
      offset[j] = offset[j - 1] + half + sep;
    }
    double[] sum = new double[m];
    int[] count = new int[m];
    int[] start = new int[m];
    int blocks = 0;
    for (int j = 0; j < m; j++) {
      sum[blocks] = desired[j] - offset[j];
      count[blocks] = 1;
      start[blocks] = j;
      blocks++;
      while (blocks > 1
          && sum[blocks - 2] / count[blocks - 2] > sum[blocks - 1] / count[blocks - 1]) {
        sum[blocks - 2] += sum[blocks - 1];
        count[blocks - 2] += count[blocks - 1];
        blocks--;
      }
    }
    for (int b = 0; b < blocks; b++) {
      double z = sum[b] / count[b];
      for (int j = start[b]; j < start[b] + count[b]; j++) {
        x[layer.get(j)] = z + offset[j];
      }
    }
  }

  double breadthCenter(int node) {
    return x[node];
  }

  double depthCenter(int node) {
    return rankCenter[rank[node]];
  }

  /**
   * The route of edge {@code e} as {breadth, depth} points at right angles: out of the source's far
   * side, jogging across in the middle of each gap between ranks, into the target's near side.
   */
  List<double[]> route(int e) {
    int[] chain = chains.get(e);
    List<double[]> pts = new ArrayList<>();
    int to = chain[chain.length - 1];
    for (int k = 0; k + 1 < chain.length; k++) {
      int u = chain[k];
      int v = chain[k + 1];
      if (rank[v] <= rank[u]) {
        // Not a forward edge (a cycle): straight to the target.
        pts.add(new double[] {x[u], rankCenter[rank[u]] + depth[u] / 2});
        break;
      }
      // Where the two spans overlap the segment runs straight, else it jogs in the gap.
      double lo = Math.max(x[u] - breadth[u] / 2, x[v] - breadth[v] / 2);
      double hi = Math.min(x[u] + breadth[u] / 2, x[v] + breadth[v] / 2);
      double xs = x[u];
      double xe = x[v];
      if (hi >= lo) {
        double inset = Math.min(PORT_INSET, (hi - lo) / 2);
        xs = Math.max(lo + inset, Math.min(hi - inset, (x[u] + x[v]) / 2));
        xe = xs;
      }
      if (k == 0) {
        pts.add(new double[] {xs, rankCenter[rank[u]] + depth[u] / 2});
      }
      double gap = rankCenter[rank[u]] + rankDepth[rank[u]] / 2 + rankSep / 2;
      pts.add(new double[] {xs, gap});
      pts.add(new double[] {xe, gap});
      pts.add(new double[] {xe, rankCenter[rank[v]] - (v >= real ? 0 : depth[v] / 2)});
    }
    if (rank[to] <= rank[chain[0]]) {
      pts.add(new double[] {x[to], rankCenter[rank[to]] - depth[to] / 2});
    }
    List<double[]> out = new ArrayList<>();
    for (double[] p : pts) {
      if (out.isEmpty() || !Arrays.equals(out.get(out.size() - 1), p)) {
        out.add(p);
      }
    }
    return out;
  }
}
