import { STEPS } from '@okr/shared/workshop';
import { useMyWorkshops } from '../state/myWorkshops.ts';
import '../components/links.css';

const DATE = new Intl.DateTimeFormat(undefined, { dateStyle: 'medium' });

/** The boards this device created or facilitated, newest first, each reopening with the facilitator's rights. */
export function MyWorkshopList() {
  const workshops = useMyWorkshops((s) => s.workshops);
  if (workshops.length === 0) return null;
  return (
    <section className="my-workshops" aria-labelledby="my-workshops-heading">
      <h2 id="my-workshops-heading">Your workshops</h2>
      <ul>
        {workshops.map((w) => {
          const step = STEPS.find((s) => s.id === w.step);
          return (
            <li key={w.roomId}>
              {/* The key rides in the fragment (never sent to the server) and leaves the address bar once read. */}
              <a href={`/r/${w.roomId}#key=${w.facilitatorKey}`}>{w.title}</a>
              <span className="meta">
                {DATE.format(w.createdAt)} · {step?.number ? `step ${step.number}: ${step.title}` : (step?.title ?? '')}
              </span>
            </li>
          );
        })}
      </ul>
    </section>
  );
}
