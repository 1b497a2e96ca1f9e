package io.pokeapi.observability.load.engine;

import java.util.Arrays;

/** A min-heap of wake-up times (nanoTime) of sleeping virtual users; allocation-free once sized. */
final class WakeHeap {

  private long[] heap;
  private int size;

  WakeHeap(int capacity) {
    heap = new long[Math.max(16, capacity)];
  }

  int size() {
    return size;
  }

  long peek() {
    return heap[0];
  }

  void push(long wake) {
    if (size == heap.length) {
      heap = Arrays.copyOf(heap, size * 2);
    }
    int i = size++;
    while (i > 0) {
      int parent = (i - 1) >>> 1;
      if (heap[parent] <= wake) {
        break;
      }
      heap[i] = heap[parent];
      i = parent;
    }
    heap[i] = wake;
  }

  long pop() {
    long top = heap[0];
    long last = heap[--size];
    int i = 0;
    while (true) {
      int child = 2 * i + 1;
      if (child >= size) {
        break;
      }
      if (child + 1 < size && heap[child + 1] < heap[child]) {
        child++;
      }
      if (heap[child] >= last) {
        break;
      }
      heap[i] = heap[child];
      i = child;
    }
    if (size > 0) {
      heap[i] = last;
    }
    return top;
  }
}
