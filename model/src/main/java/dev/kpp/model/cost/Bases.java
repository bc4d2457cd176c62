package dev.kpp.model.cost;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The benchmark-id lists ({@link Estimate#basis()}) estimates combine, computed once per distinct
 * input. A sweep combines the same lists at every point (a family's basis, and the estimates built
 * from it), and building the unions again was half of a point's time. The inputs are immutable
 * lists ({@link List#copyOf}), so they are keyed by identity, and the results are immutable too, so
 * an estimate keeps the very list and the next union finds it again. Each result is exactly what
 * the direct computation gives. The memo is bounded: past {@link #MAX} entries it starts again.
 */
final class Bases {
    static final int MAX = 4096;
    private static final ConcurrentHashMap<Key, List<String>> MEMO = new ConcurrentHashMap<>();

    private Bases() {
    }

    /** @return the ids of all lists in order, each once (a {@link LinkedHashSet} union) */
    @SafeVarargs
    static List<String> union(List<String>... lists) {
        return memo(0, lists);
    }

    /** @return {@code a}, then the ids of {@code b} not in {@code a} ({@code a}'s own repeats kept) */
    static List<String> append(List<String> a, List<String> b) {
        return memo(1, a, b);
    }

    @SafeVarargs
    private static List<String> memo(int kind, List<String>... lists) {
        Key k = new Key(kind, lists);
        List<String> r = MEMO.get(k);
        if (r == null) {
            r = List.copyOf(kind == 0 ? unionOf(lists) : appendOf(lists[0], lists[1]));
            if (MEMO.size() >= MAX) {
                MEMO.clear();
            }
            MEMO.put(k, r);
        }
        return r;
    }

    private static List<String> unionOf(List<String>[] lists) {
        Set<String> s = new LinkedHashSet<>();
        for (List<String> l : lists) {
            s.addAll(l);
        }
        return new ArrayList<>(s);
    }

    private static List<String> appendOf(List<String> a, List<String> b) {
        List<String> out = new ArrayList<>(a);
        for (String id : b) {
            if (!out.contains(id)) {
                out.add(id);
            }
        }
        return out;
    }

    /** Lists compared by identity (they are immutable). */
    private static final class Key {
        private final int kind;
        private final List<?>[] lists;
        private final int hash;

        Key(int kind, List<?>[] lists) {
            this.kind = kind;
            this.lists = lists;
            int h = kind;
            for (List<?> l : lists) {
                h = 31 * h + System.identityHashCode(l);
            }
            this.hash = h;
        }

        @Override
        public boolean equals(Object o) {
            if (!(o instanceof Key k) || k.kind != kind || k.lists.length != lists.length) {
                return false;
            }
            for (int i = 0; i < lists.length; i++) {
                if (k.lists[i] != lists[i]) {
                    return false;
                }
            }
            return true;
        }

        @Override
        public int hashCode() {
            return hash;
        }

        @Override
        public String toString() {
            return kind + Arrays.toString(lists);
        }
    }
}
