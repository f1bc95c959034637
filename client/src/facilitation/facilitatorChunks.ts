import { loadable } from '../app/loadable.tsx';

// Code only the facilitator or the projector runs: outside a participant's first load.
export const facilitatorTools = loadable(() => import('./FacilitatorTools.tsx').then((m) => m.FacilitatorTools));
export const discussionNotes = loadable(() => import('./DiscussionNotes.tsx').then((m) => m.DiscussionNotes));
export const gateDialog = loadable(() => import('./GateDialog.tsx').then((m) => m.GateDialog));
export const presentationView = loadable(() => import('./PresentationView.tsx').then((m) => m.PresentationView));
export const loadPrework = loadable(() => import('../steps/context/LoadPrework.tsx').then((m) => m.LoadPrework));
// Everyone's, but only while something is spotlit: the review it reads stays out of a participant's first load.
export const spotlightBanner = loadable(() => import('../present/SpotlightBanner.tsx').then((m) => m.SpotlightBanner));
// The spotlight reads the OKR checks' findings (the review, about 6 KB gzipped):
// loaded when the facilitator opens its picker, and on the projector while something is spotlit.
export const spotlightDialog = loadable(() => import('../present/SpotlightDialog.tsx').then((m) => m.SpotlightDialog));
export const spotlightView = loadable(() => import('../present/SpotlightView.tsx').then((m) => m.SpotlightView));
// SMART refine's projector pages show each key result's findings: the review loads with them.
export const refineOverview = loadable(() => import('../present/RefinePages.tsx').then((m) => m.RefineOverview));
export const keyResultPage = loadable(() => import('../present/RefinePages.tsx').then((m) => m.KeyResultPage));
// Everyone's while a timer runs; always the facilitator's.
export const stepTimer = loadable(() => import('./StepTimer.tsx').then((m) => m.StepTimer));
export const joinQr = loadable(() => import('./JoinQr.tsx').then((m) => m.JoinQr));
// Every link to the board, with rotation and revocation: the facilitator's header only.
export const linkPanel = loadable(() => import('../components/LinkPanel.tsx').then((m) => m.LinkPanel));

/** Moving the group runs the step gates, which read the OKR checks: only the facilitator needs them. */
export const loadMoveStep = () => import('./moveStep.ts');
