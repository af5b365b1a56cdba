import type { ReactiveController, ReactiveControllerHost } from 'lit';

/**
 * Becomes `near` once its host comes within `rootMargin` of the viewport, and stays so. Heavy
 * work (loading Chart.js) waits for it, so a page with charts far below the fold does not pay
 * for them up front.
 */
export class NearViewportController implements ReactiveController {
  /** True once the host has come near the viewport. */
  near = false;

  private observer?: IntersectionObserver;

  /**
   * @param onNear called once, when the host first comes near: to start heavy downloads then,
   *   alongside whatever else the host is waiting for
   */
  constructor(
    private readonly host: ReactiveControllerHost & Element,
    private readonly onNear: () => void = () => undefined,
    private readonly rootMargin = '300px 0px',
  ) {
    host.addController(this);
  }

  hostConnected(): void {
    if (this.near) return;
    if (typeof IntersectionObserver !== 'function') {
      // Without the observer there is no way to wait: draw at once.
      this.near = true;
      this.onNear();
      return;
    }
    this.observer = new IntersectionObserver(
      (entries) => {
        if (!entries.some((entry) => entry.isIntersecting)) return;
        this.near = true;
        this.observer?.disconnect();
        this.observer = undefined;
        this.onNear();
        this.host.requestUpdate();
      },
      { rootMargin: this.rootMargin },
    );
    this.observer.observe(this.host);
  }

  hostDisconnected(): void {
    this.observer?.disconnect();
    this.observer = undefined;
  }
}
