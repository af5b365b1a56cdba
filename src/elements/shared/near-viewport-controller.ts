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
    /** How far above or below the viewport counts as near. */
    private readonly marginPx = 300,
  ) {
    host.addController(this);
  }

  /**
   * Whether the host is near now, measured at once when the observer has not said so yet: its
   * first report comes only after a frame is painted, and a host with everything else in hand
   * would paint that frame without its drawing. Meant for a host's connection and `updated`
   * step, when the layout this reads is the one the coming frame needs anyway. A host that is not
   * rendered (in a hidden panel) has no box and is not near: the observer will say when it shows.
   */
  nearNow(): boolean {
    if (this.near) return true;
    const box = this.host.getBoundingClientRect();
    if (box.width === 0 && box.height === 0) return false;
    if (box.bottom < -this.marginPx || box.top > innerHeight + this.marginPx) return false;
    this.#becomeNear();
    return true;
  }

  #becomeNear(): void {
    this.near = true;
    this.observer?.disconnect();
    this.observer = undefined;
    this.onNear();
  }

  hostConnected(): void {
    if (this.near) return;
    if (typeof IntersectionObserver !== 'function') {
      // Without the observer there is no way to wait: draw at once.
      this.#becomeNear();
      return;
    }
    this.observer = new IntersectionObserver(
      (entries) => {
        if (!entries.some((entry) => entry.isIntersecting)) return;
        this.#becomeNear();
        this.host.requestUpdate();
      },
      { rootMargin: `${this.marginPx}px 0px` },
    );
    this.observer.observe(this.host);
  }

  hostDisconnected(): void {
    this.observer?.disconnect();
    this.observer = undefined;
  }
}
