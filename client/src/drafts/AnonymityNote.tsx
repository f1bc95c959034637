/**
 * What "Anonymous cards" covers, said plainly to the facilitator who turns it on: what the board
 * hides, and what it cannot (docs/threat-model.md, "Anonymous cards", says the same with tests).
 */
export function AnonymityNote() {
  return (
    <details className="anon-note">
      <summary>Anonymous: nobody can tell who wrote a new card. What this covers</summary>
      <ul>
        <li>
          New cards go to the server, not to the board. At the reveal it puts everyone&apos;s cards on the board at once, in random order, as
          its own: no author, and nothing in the board&apos;s data, the presence list or the order says whose is whose. A card added once
          writing is open goes out with others after a few random seconds.
        </li>
        <li>Names were removed from the cards already on the board, but whoever saw them named still knows.</li>
        <li>
          Not hidden: how many drafts each person is writing; who edits, moves, groups or merges a card after it is on the board; and in a
          round where only one person writes, whose cards they are.
        </li>
        <li>Cards handed over while anonymous stay anonymous if you turn this off before the reveal.</li>
      </ul>
    </details>
  );
}
