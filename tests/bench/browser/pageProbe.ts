/**
 * Installed in the page before the app loads (`addInitScript`), as a string so no bundler helper
 * can leak into it. It wraps `WebSocket#onmessage`, which is where y-websocket applies a remote
 * update: for each board update message it puts `performance.mark`s around the handler and ends
 * the measure in a microtask queued after it, so React's synchronous re-render (scheduled by
 * `useSyncExternalStore` as a microtask during the handler) and its commit fall inside. Every
 * other update also forces style and layout before the end mark, so that cost is measured too.
 * Presence messages (type 1) are timed the same way into their own list (a cursor layer's own
 * React render is scheduled later, so that share shows in the page's script time instead).
 * A PerformanceObserver collects long tasks, and a requestAnimationFrame loop records frame times
 * while recording.
 */
export const PAGE_PROBE = String.raw`(() => {
  const state = { recording: false, seq: 0, js: [], jsLayout: [], presence: [], longTasks: [], frames: [] };
  window.__okrBench = {
    start() {
      state.recording = true;
      state.js = []; state.jsLayout = []; state.presence = []; state.longTasks = []; state.frames = [];
      performance.clearMarks(); performance.clearMeasures();
      requestAnimationFrame(frame);
    },
    stop() {
      state.recording = false;
      return { js: state.js, jsLayout: state.jsLayout, presence: state.presence, longTasks: state.longTasks, frames: state.frames };
    },
  };
  const Native = window.WebSocket;
  const setter = Object.getOwnPropertyDescriptor(Native.prototype, 'onmessage');
  Object.defineProperty(Native.prototype, 'onmessage', {
    configurable: true,
    get() { return setter.get.call(this); },
    set(handler) {
      const socket = this;
      const board = !socket.url.endsWith('/control');
      setter.set.call(this, typeof handler !== 'function' ? handler : function (event) {
        const bytes = event.data instanceof ArrayBuffer ? new Uint8Array(event.data, 0, 2) : null;
        if (!state.recording || !board || !bytes) return handler.call(this, event);
        // y-websocket: message type 1 (awareness).
        if (bytes[0] === 1) {
          const started = performance.now();
          const result = handler.call(this, event);
          queueMicrotask(() => state.presence.push(performance.now() - started));
          return result;
        }
        // y-websocket: message type 0 (sync), sub-type 2 (update).
        if (bytes[0] !== 0 || bytes[1] !== 2) return handler.call(this, event);
        const id = ++state.seq;
        const withLayout = id % 2 === 0;
        performance.mark('okr-update-start-' + id);
        const result = handler.call(this, event);
        queueMicrotask(() => {
          if (withLayout) void document.body.offsetHeight;
          const m = performance.measure('okr-remote-update', 'okr-update-start-' + id);
          (withLayout ? state.jsLayout : state.js).push(m.duration);
        });
        return result;
      });
    },
  });
  new PerformanceObserver((list) => {
    if (!state.recording) return;
    for (const entry of list.getEntries()) state.longTasks.push(entry.duration);
  }).observe({ type: 'longtask', buffered: false });
  // Frame times only while recording, so the probe costs nothing in the profiled pass.
  const frame = (t) => {
    if (!state.recording) return;
    state.frames.push(t);
    requestAnimationFrame(frame);
  };
})();`;
