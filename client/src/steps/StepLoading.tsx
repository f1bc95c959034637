/**
 * Shown while a step's code is still on its way (a first visit before the background prefetch
 * finished). It keeps the step's room so nothing below jumps, and its text fades in late (CSS) so
 * a fast load never flashes it.
 */
export function StepLoading() {
  return (
    <div className="step-loading" role="status">
      <span>Loading this step…</span>
    </div>
  );
}
