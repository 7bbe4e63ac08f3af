// Watching the page's main thread from the page itself, for the end-to-end runs and the
// benchmark alike.

/** A task longer than this freezes the page (the RAIL model's budget, and issue 5's). */
export const LONG_TASK_MS = 50;

/** Starts watching the page's main thread: Long Tasks where the browser has them (Chromium),
 *  else the lateness of a 10 ms timer (Firefox), which a long task delays by its length. */
export const WATCH = `
  const watch = window.__watch = { longest: 0, over: [], how: "" };
  const note = (ms) => { watch.longest = Math.max(watch.longest, ms); if (ms > ${LONG_TASK_MS}) watch.over.push(Math.round(ms)); };
  if (PerformanceObserver.supportedEntryTypes?.includes("longtask")) {
    watch.how = "longtask";
    new PerformanceObserver((list) => list.getEntries().forEach((e) => note(e.duration))).observe({ type: "longtask" });
  } else {
    watch.how = "timer";
    let last = performance.now();
    const tick = () => { const now = performance.now(); note(now - last - 10); last = now; watch.timer = setTimeout(tick, 10); };
    watch.timer = setTimeout(tick, 10);
  }`;
