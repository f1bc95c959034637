import { z } from 'zod/mini';
import { nameField } from './displayName.ts';
import { isoDateSchema } from './common.ts';

export const CHECK_IN_CADENCES = ['weekly', 'biweekly', 'monthly'] as const;

/** Workshop metadata everyone may edit: what, who, and which quarter. */
export const workshopSchema = z.object({
  title: nameField(200),
  team: z.optional(nameField(200)),
  cycleLabel: z.optional(z.string().check(z.maxLength(60))),
  cycleStart: z.optional(isoDateSchema),
  cycleEnd: z.optional(isoDateSchema),
  checkInCadence: z.optional(z.enum(CHECK_IN_CADENCES)),
  firstCheckIn: z.optional(isoDateSchema),
});
export type Workshop = z.infer<typeof workshopSchema>;

export const defaultWorkshop = (title: string): Workshop => ({ title, checkInCadence: 'weekly' });
