import { z } from 'zod';
import { isoDateSchema } from './common.ts';

export const CHECK_IN_CADENCES = ['weekly', 'biweekly', 'monthly'] as const;

/** Workshop metadata everyone may edit: what, who, and which quarter. */
export const workshopSchema = z.object({
  title: z.string().max(200),
  team: z.string().max(200).optional(),
  cycleLabel: z.string().max(60).optional(),
  cycleStart: isoDateSchema.optional(),
  cycleEnd: isoDateSchema.optional(),
  checkInCadence: z.enum(CHECK_IN_CADENCES).optional(),
  firstCheckIn: isoDateSchema.optional(),
});
export type Workshop = z.infer<typeof workshopSchema>;

export const defaultWorkshop = (title: string): Workshop => ({ title, checkInCadence: 'weekly' });
