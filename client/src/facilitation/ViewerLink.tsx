import { useFacilitatorLinks } from '../sync/useFacilitatorLinks.ts';

/** The projector link, from the server for whoever holds the facilitator key (on any device). */
export function ViewerLink() {
  const links = useFacilitatorLinks();
  if (!links?.viewerUrl) return null;
  return (
    <a className="button-link" href={links.viewerUrl} target="_blank" rel="noreferrer">
      Open projector view
    </a>
  );
}
