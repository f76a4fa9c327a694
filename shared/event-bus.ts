// A small typed publish/subscribe bus: the engine's push events, and the renderer's copy of them.

export type Listener<T> = (payload: T) => void;

export class EventBus<Map extends Record<string, unknown>> {
  private readonly listeners = new Map<keyof Map, Set<Listener<never>>>();

  on<K extends keyof Map>(event: K, listener: Listener<Map[K]>): () => void {
    let set = this.listeners.get(event);
    if (!set) {
      set = new Set();
      this.listeners.set(event, set);
    }
    set.add(listener as Listener<never>);
    return () => {
      set.delete(listener as Listener<never>);
    };
  }

  emit<K extends keyof Map>(event: K, payload: Map[K]): void {
    const set = this.listeners.get(event);
    if (!set) return;
    const errors: unknown[] = [];
    for (const listener of [...set]) {
      // One failing listener must not keep the others from hearing the event.
      try {
        (listener as Listener<Map[K]>)(payload);
      } catch (error) {
        errors.push(error);
      }
    }
    if (errors.length === 1) throw errors[0];
    if (errors.length > 1) throw new AggregateError(errors, `${errors.length} listeners of ${String(event)} failed`);
  }

  listenerCount(event: keyof Map): number {
    return this.listeners.get(event)?.size ?? 0;
  }
}
