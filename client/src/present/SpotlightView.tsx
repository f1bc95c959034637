import { useBoard } from '../sync/hooks.ts';
import { KeyResultFields } from './RefinePages.tsx';
import { useSpotlit } from './useSpotlight.ts';

/** On the projector: the spotlit thing large, over the step, until the facilitator clears it. */
export function SpotlightView() {
  const item = useSpotlit();
  const kr = useBoard((board) => (item?.spotlight.kind === 'keyResult' ? board.keyResults.get(item.spotlight.id) : undefined));
  if (!item) return null;
  return (
    <section className="projector-spotlight" aria-label="Spotlight">
      <p className="projector-note-label">Spotlight · {item.kind}</p>
      <p className="projector-spotlight-text">{item.text}</p>
      {kr ? (
        <KeyResultFields kr={kr} />
      ) : (
        item.details.length > 0 && (
          <ul className="projector-spotlight-details">
            {item.details.slice(0, 4).map((line, i) => (
              <li key={i}>{line}</li>
            ))}
          </ul>
        )
      )}
    </section>
  );
}
