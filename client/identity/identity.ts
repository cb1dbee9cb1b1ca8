import { colourForUser, departmentSchema, randomId, type Department } from '../../shared/index.ts';
import { z } from 'zod';

/** Who this browser is: asked once, remembered per device. No accounts for a workshop. */
export interface Identity {
  readonly id: string;
  readonly name: string;
  readonly department: Department;
  readonly colour: string;
}

const KEY = 'journeyboard.identity';
const stored = z.object({ id: z.string().min(1), name: z.string().min(1).max(60), department: departmentSchema });

export function loadIdentity(): Identity | null {
  try {
    const parsed = stored.safeParse(JSON.parse(localStorage.getItem(KEY) ?? 'null'));
    return parsed.success ? { ...parsed.data, colour: colourForUser(parsed.data.id) } : null;
  } catch {
    return null;
  }
}

export function saveIdentity(name: string, department: Department): Identity {
  const id = loadIdentity()?.id ?? `user-${randomId(12)}`;
  localStorage.setItem(KEY, JSON.stringify({ id, name: name.trim(), department }));
  return { id, name: name.trim(), department, colour: colourForUser(id) };
}
