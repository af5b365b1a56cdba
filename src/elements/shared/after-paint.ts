/**
 * Resolves once the browser has painted the frame under way: work that the first screen does not
 * need (further downloads, parsing) waits for it, so that it neither delays that frame nor shares
 * its bandwidth. A hidden tab paints no frame: a short timeout stands in.
 */
export function afterPaint(fallbackMs = 100): Promise<void> {
  return new Promise((resolve) => {
    const timer = setTimeout(resolve, fallbackMs);
    requestAnimationFrame(() =>
      setTimeout(() => {
        clearTimeout(timer);
        resolve();
      }, 0),
    );
  });
}
