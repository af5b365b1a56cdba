// Injected into every benchmark page before any of its own scripts (Playwright's addInitScript),
// so both sides of a comparison are timed by the same code, from the same origin of time:
// performance.now() counts from the navigation's start.
//
// window.__benchProbeConfig, set just before this runs:
//   { mode: 'input', host?: 'tag-name', selector: 'css' }
//     done when the first element matching `selector` (searched in the document and in every open
//     shadow root, or only under `host` elements' shadow roots when given) is connected, enabled,
//     laid out (it has client rects) and reachable by Tab (tabIndex >= 0);
//   { mode: 'canvas' }
//     `firstAt`: the first frame in which a canvas has non-transparent pixels;
//     `doneAt`: the first of three consecutive frames whose pixels do not change, i.e. the chart
//     as it stays (an animated chart is done when its animation ends).
// Checks run once per animation frame: that is when a user could first see the state. Each is
// timed when it runs, with performance.now(), not with the timestamp the browser hands the frame:
// Chromium stamps a frame with the vsync at which it began it, and when a long task holds the main
// thread (the very task that evaluates a page's code and draws its first input, say) the frame
// runs only after it, still carrying the earlier time. That stamp counted the whole task as
// already done: it put a questionnaire's first input before its element was even defined, and
// left out most of a page whose scripts end in one long task.
// When done, the result is kept in window.__benchResult and announced on the console.
(() => {
  const config = window.__benchProbeConfig;
  const STABLE_FRAMES = 3;

  // The root to search and every open shadow root under it, nested ones included.
  function roots(start) {
    const found = [start];
    for (let index = 0; index < found.length; index++) {
      const walker = document.createTreeWalker(found[index], NodeFilter.SHOW_ELEMENT);
      for (let node = walker.nextNode(); node; node = walker.nextNode()) {
        if (node.shadowRoot) found.push(node.shadowRoot);
      }
    }
    return found;
  }

  function searched() {
    if (!config.host) return roots(document);
    return [...document.querySelectorAll(config.host)].filter((host) => host.shadowRoot).flatMap((host) => roots(host.shadowRoot));
  }

  function describe(element) {
    const type = element.getAttribute('type');
    const name = element.getAttribute('name') || element.id;
    const value = element.getAttribute('value');
    return `${element.localName}${type ? `[type=${type}]` : ''}${name ? ` ${name}` : ''}${value ? `=${value}` : ''}`;
  }

  // The first match, once it can take the focus; a later match does not count before it.
  function findInput() {
    for (const root of searched()) {
      const element = root.querySelector(config.selector);
      if (!element) continue;
      const usable = element.isConnected && !element.disabled && element.getClientRects().length > 0 && element.tabIndex >= 0;
      return usable ? element : undefined;
    }
    return undefined;
  }

  // A cheap digest of a canvas's pixels (one pixel in seven), and whether any is painted.
  function pixels(canvas) {
    const context = canvas.getContext('2d');
    if (!context || canvas.width === 0 || canvas.height === 0) return undefined;
    const data = context.getImageData(0, 0, canvas.width, canvas.height).data;
    let hash = 0;
    let painted = false;
    for (let i = 0; i < data.length; i += 28) {
      if (data[i + 3] !== 0) painted = true;
      hash = (Math.imul(hash, 31) + data[i] + (data[i + 1] << 8) + (data[i + 2] << 16) + (data[i + 3] << 24)) | 0;
    }
    return { hash, painted, width: canvas.width, height: canvas.height };
  }

  function finish(result) {
    const resources = performance.getEntriesByType('resource').map((entry) => ({
      name: entry.name,
      initiatorType: entry.initiatorType,
      startTime: entry.startTime,
      responseEnd: entry.responseEnd,
      // 0 for an answer taken from the browser's cache; a revalidation's 304 counts its headers.
      transferSize: entry.transferSize,
    }));
    window.__benchResult = { ...result, resources };
    console.debug('__bench_done__');
  }

  /** Below this many pixels on a side, a canvas is a legend's swatch, not a chart. */
  const MIN_CHART_SIDE = 64;

  let canvasState;
  function check() {
    const now = performance.now();
    if (config.mode === 'input') {
      const element = findInput();
      if (element) return finish({ doneAt: now, firstAt: now, what: describe(element) });
    } else {
      // The chart's own canvas: a legend may draw its swatches in small canvases of their own,
      // sooner than the bars, and they are no chart.
      const canvas = searched()
        .flatMap((root) => [...root.querySelectorAll('canvas')])
        .find((candidate) => candidate.width >= MIN_CHART_SIDE && candidate.height >= MIN_CHART_SIDE);
      const sample = canvas && pixels(canvas);
      if (sample && sample.painted) {
        if (!canvasState || canvasState.canvas !== canvas) {
          canvasState = { canvas, firstAt: now, since: now, hash: sample.hash, frames: 1 };
        } else if (sample.hash === canvasState.hash) {
          canvasState.frames += 1;
        } else {
          canvasState.since = now;
          canvasState.hash = sample.hash;
          canvasState.frames = 1;
        }
        if (canvasState.frames >= STABLE_FRAMES) {
          return finish({ firstAt: canvasState.firstAt, doneAt: canvasState.since, what: `canvas ${sample.width}×${sample.height}` });
        }
      }
    }
    requestAnimationFrame(check);
  }
  requestAnimationFrame(check);
})();
