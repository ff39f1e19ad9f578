// The "no flash of clutter" probe, injected at document start before the extension's scripts.
// Every animation frame, just before the browser paints it, it looks at the fixture's known
// clutter (elements with a data-expect kind other than "article") and notes each one that is
// rendered in that frame while not yet hidden. Run to the end of automatic cleaning and a few
// frames after: `declutterFrameProbe()` gives {known, painted, frames, firstPaint}; firstPaint is
// when the page first showed anything (ms after navigation start), the cost of any hold.
(() => {
  const painted = new Set();
  const known = new Set();
  let frames = 0;
  let firstPaint = null;
  new PerformanceObserver((list) => {
    for (const e of list.getEntries()) if (e.name === 'first-paint') firstPaint = e.startTime;
  }).observe({ type: 'paint', buffered: true });
  function look() {
    frames += 1;
    for (const el of document.querySelectorAll('[data-expect]:not([data-expect="article"])')) {
      known.add(el);
      // Rendered now: it has a box and is not hidden by an ancestor or our stylesheet.
      // (An ancestor at opacity 0, the page's own or declutter's hold, shows nothing of it.)
      if (el.getClientRects().length > 0 && el.checkVisibility({ visibilityProperty: true, opacityProperty: true })) painted.add(el);
    }
    requestAnimationFrame(look);
  }
  requestAnimationFrame(look);
  globalThis.declutterFrameProbe = () => ({
    known: known.size,
    painted: painted.size,
    paintedKinds: [...painted].map((el) => el.dataset.expect),
    frames,
    firstPaint,
  });
})();
