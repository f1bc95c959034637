import { z } from 'zod';

/** A review finding someone dismissed on the board (`rule:targetId`), and who. */
export const dismissalSchema = z.object({ key: z.string(), by: z.string().max(120) });
export type Dismissal = z.infer<typeof dismissalSchema>;
