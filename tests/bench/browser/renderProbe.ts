/**
 * Installed before the app loads, as React DevTools installs itself: React calls
 * `onCommitFiberRoot` after every commit (production builds too). While counting, each commit's
 * tree is walked to each sticky note's element (`li.note[data-note-id]`) and the component that
 * returns it; a component that rendered in that commit has new hook objects (React copies them on
 * every render and keeps them on a bail-out), so comparing its first hook with the one seen last
 * time counts real renders without timing anything. The canvas itself is counted the same way:
 * the function component above its `section.canvas` (Canvas, which re-renders whenever its step's
 * canvas does). `window.__okrRenders.stop()` returns how many note and canvas renders there were
 * and how many commits.
 */
export const RENDER_PROBE = String.raw`(() => {
  const seen = new Map();
  const canvases = new Map();
  const state = { counting: false, renders: 0, canvasRenders: 0, commits: 0 };
  const walk = (fiber) => {
    const stack = [fiber];
    while (stack.length) {
      const f = stack.pop();
      const el = f.stateNode;
      if (f.tag === 5 && el && el.dataset && el.dataset.noteId && el.classList.contains('note') && f.return) {
        const hooks = f.return.memoizedState;
        const id = el.dataset.noteId;
        if (seen.has(id) && seen.get(id) !== hooks) state.renders++;
        seen.set(id, hooks);
      }
      if (f.tag === 5 && el && el.tagName === 'SECTION' && el.classList.contains('canvas')) {
        let owner = f.return;
        while (owner && owner.tag !== 0) owner = owner.return;
        if (owner) {
          const label = el.getAttribute('aria-label');
          if (canvases.has(label) && canvases.get(label) !== owner.memoizedState) state.canvasRenders++;
          canvases.set(label, owner.memoizedState);
        }
      }
      if (f.sibling) stack.push(f.sibling);
      if (f.child) stack.push(f.child);
    }
  };
  window.__REACT_DEVTOOLS_GLOBAL_HOOK__ = {
    isDisabled: false,
    supportsFiber: true,
    renderers: new Map(),
    inject(renderer) { const id = this.renderers.size + 1; this.renderers.set(id, renderer); return id; },
    onCommitFiberRoot(_id, root) {
      if (!state.counting) return;
      state.commits++;
      walk(root.current);
    },
    onCommitFiberUnmount() {},
    onPostCommitFiberRoot() {},
    checkDCE() {},
  };
  window.__okrRenders = {
    start() {
      state.counting = true; state.renders = 0; state.canvasRenders = 0; state.commits = 0; seen.clear(); canvases.clear();
    },
    stop() {
      state.counting = false;
      return { noteRenders: state.renders, canvasRenders: state.canvasRenders, commits: state.commits, notesSeen: seen.size };
    },
  };
})();`;
