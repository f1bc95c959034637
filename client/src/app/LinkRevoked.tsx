/** A link that was rotated away: said plainly, with what to do. */
export function LinkRevoked() {
  return (
    <main className="page-center">
      <h1>This link no longer opens this board</h1>
      <p>
        The facilitator replaced it with a new one. Ask them for the current link, or <a href="/">start a new workshop</a>.
      </p>
    </main>
  );
}
