import { create } from 'zustand';
import { cleanName } from '@okr/shared/schema';
import { persist } from 'zustand/middleware';

const COLORS = ['#b3261e', '#1d4ed8', '#047857', '#7c3aed', '#b45309', '#be185d', '#0e7490', '#4d7c0f'];

function randomId(): string {
  return Array.from(crypto.getRandomValues(new Uint8Array(12)), (b) => b.toString(16).padStart(2, '0')).join('');
}

type IdentityState = {
  id: string;
  name: string;
  color: string;
  setName: (name: string) => void;
};

/** Who this device is: a stable random id and the display name, remembered on this device. */
export const useIdentity = create<IdentityState>()(
  persist(
    (set) => ({
      id: randomId(),
      name: '',
      color: COLORS[Math.floor(Math.random() * COLORS.length)] ?? '#1d4ed8',
      setName: (name) => set({ name: cleanName(name).slice(0, 60) }),
    }),
    { name: 'okr-board-identity' },
  ),
);
