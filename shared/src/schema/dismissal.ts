import { z } from 'zod/mini';

/** A review finding someone dismissed on the board (`rule:targetId`), and who. */
export const dismissalSchema = z.object({ key: z.string(), by: z.string().check(z.maxLength(120)) });
export type Dismissal = z.infer<typeof dismissalSchema>;
