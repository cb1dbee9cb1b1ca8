import { colourForUser, departmentSchema, type Department } from '../../shared/index.ts';
import { z } from 'zod';

/**
 * Who this browser is on a board: the person id the server proved (credential.ts) with the name
 * and team the person chose. Name and team are asked once and remembered per device; they stay
 * editable. The id is never chosen here.
 */
export interface Identity {
  readonly id: string;
  readonly name: string;
  readonly department: Department;
  readonly colour: string;
}

/** What the person chose to be called. */
export interface Profile {
  readonly name: string;
  readonly department: Department;
}

// Stored under the key of the self-declared identities of earlier versions; their `id` is ignored.
const KEY = 'journeyboard.identity';
const stored = z.object({ name: z.string().min(1).max(60), department: departmentSchema });

export function loadProfile(): Profile | null {
  try {
    const parsed = stored.safeParse(JSON.parse(localStorage.getItem(KEY) ?? 'null'));
    return parsed.success ? parsed.data : null;
  } catch {
    return null;
  }
}

export function saveProfile(name: string, department: Department): Profile {
  const profile = { name: name.trim(), department };
  localStorage.setItem(KEY, JSON.stringify(profile));
  return profile;
}

export function identityOf(personId: string, profile: Profile): Identity {
  return { id: personId, name: profile.name, department: profile.department, colour: colourForUser(personId) };
}
