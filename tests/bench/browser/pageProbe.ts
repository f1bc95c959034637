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
 * while recording. `start(kinds)` may name kinds of board update by a byte sequence their message
 * contains (`[['drop', [3, 112, 111, 115]]]`: the map key "pos"); each update is also filed under
 * the first kind it matches, or `other`, with its own every-other-update layout, so a p95 can be
 * traced to the kind of update it comes from.
 */
export const PAGE_PROBE = String.raw`(() => {
  const state = { recording: false, seq: 0, js: [], jsLayout: [], presence: [], longTasks: [], frames: [], kinds: [], byKind: {} };
  const contains = (bytes, marker) => {
    outer: for (let i = 0; i + marker.length <= bytes.length; i++) {
      for (let j = 0; j < marker.length; j++) if (bytes[i + j] !== marker[j]) continue outer;
      return true;
    }
    return false;
  };
  const kindOf = (data) => {
    const bytes = new Uint8Array(data);
    for (const [name, marker] of state.kinds) if (contains(bytes, marker)) return name;
    return 'other';
  };
  window.__okrBench = {
    start(kinds) {
      state.recording = true;
      state.js = []; state.jsLayout = []; state.presence = []; state.longTasks = []; state.frames = [];
      state.kinds = kinds || []; state.byKind = {};
      performance.clearMarks(); performance.clearMeasures();
      requestAnimationFrame(frame);
    },
    stop() {
      state.recording = false;
      const byKind = {};
      for (const [name, k] of Object.entries(state.byKind)) byKind[name] = { js: k.js, jsLayout: k.jsLayout };
      return { js: state.js, jsLayout: state.jsLayout, presence: state.presence, longTasks: state.longTasks, frames: state.frames, byKind };
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
        const kind = kindOf(event.data);
        const mine = (state.byKind[kind] = state.byKind[kind] || { seq: 0, js: [], jsLayout: [] });
        // Every other update of each kind forces layout, so every kind has both figures.
        const withLayout = ++mine.seq % 2 === 0;
        performance.mark('okr-update-start-' + id);
        const result = handler.call(this, event);
        queueMicrotask(() => {
          if (withLayout) void document.body.offsetHeight;
          const m = performance.measure('okr-remote-update', 'okr-update-start-' + id);
          (withLayout ? state.jsLayout : state.js).push(m.duration);
          (withLayout ? mine.jsLayout : mine.js).push(m.duration);
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
