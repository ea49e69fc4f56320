/** A value published by one part of the shared runtime (a ribbon command) and shown by another (the pane). */
export type Channel<T> = {
  publish(value: T): void;
  subscribe(listener: (value: T) => void): () => void;
};

export function createChannel<T>(): Channel<T> {
  const listeners = new Set<(value: T) => void>();
  let last: { value: T } | null = null;
  return {
    publish(value) {
      last = { value };
      for (const listener of listeners) listener(value);
    },
    subscribe(listener) {
      listeners.add(listener);
      // A pane opened after the command ran still shows its result.
      if (last) listener(last.value);
      return () => listeners.delete(listener);
    },
  };
}
