/** Collects the elements' events from the moment of the call, before any element exists. */
export function captureEvents(types: readonly string[]): { events: CustomEvent[]; of: (type: string) => CustomEvent[]; stop: () => void } {
  const events: CustomEvent[] = [];
  const listener = (event: Event) => events.push(event as CustomEvent);
  for (const type of types) document.addEventListener(type, listener);
  return {
    events,
    of: (type) => events.filter((event) => event.type === type),
    stop: () => {
      for (const type of types) document.removeEventListener(type, listener);
    },
  };
}
