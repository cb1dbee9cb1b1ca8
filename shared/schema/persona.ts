import { z } from 'zod';
import { isRecordId, type PersonaId } from './ids.ts';
import { LIMITS } from './limits.ts';

/** Who the journey is for. Notes are tagged with personas (see `personaTagKey`). */
export interface Persona {
  readonly typeName: 'persona';
  readonly id: PersonaId;
  readonly name: string;
  readonly role: string;
  readonly goals: string;
  readonly needs: string;
  readonly frustrations: string;
  readonly quote: string;
  /** The avatar's colour (the avatar shows the name's initials). */
  readonly colour: string;
  /** Fractional index; personas sort by (index, id). */
  readonly index: string;
}

export const PERSONA_COLOURS = ['#7c3aed', '#0891b2', '#db2777', '#65a30d', '#ea580c', '#2563eb'] as const;

export const personaIdSchema = z.custom<PersonaId>((v) => isRecordId('persona', v), 'Not a persona id');
export const personaFieldsSchema = z.object({
  name: z.string().trim().min(1, 'A persona needs a name').max(LIMITS.nameLength),
  role: z.string().trim().max(LIMITS.personaRoleLength),
  goals: z.string().max(LIMITS.personaTextLength),
  needs: z.string().max(LIMITS.personaTextLength),
  frustrations: z.string().max(LIMITS.personaTextLength),
  quote: z.string().trim().max(LIMITS.personaQuoteLength),
  colour: z.string().regex(/^#[0-9a-f]{6}$/i, 'A colour is #rrggbb'),
});
export type PersonaFields = z.infer<typeof personaFieldsSchema>;

const PERSONA_DEFAULTS = {
  name: 'Unnamed persona',
  role: '',
  goals: '',
  needs: '',
  frustrations: '',
  quote: '',
  colour: PERSONA_COLOURS[0],
  index: 'a0',
} as const;

/**
 * A note's tag for a persona is its own key on the note (`persona:<id>` → true), not one array
 * field: two people tagging the same note with different personas at once both keep their tag.
 */
export function personaTagKey(id: PersonaId): string {
  return id;
}

export function isPersonaTagKey(key: string): key is PersonaId {
  return isRecordId('persona', key);
}

export function readPersona(id: PersonaId, raw: Record<string, unknown>): Persona {
  const str = (k: keyof typeof PERSONA_DEFAULTS) =>
    typeof raw[k] === 'string' ? (raw[k] as string) : PERSONA_DEFAULTS[k];
  return {
    typeName: 'persona',
    id,
    name: str('name'),
    role: str('role'),
    goals: str('goals'),
    needs: str('needs'),
    frustrations: str('frustrations'),
    quote: str('quote'),
    colour: /^#[0-9a-f]{6}$/i.test(String(raw.colour)) ? (raw.colour as string) : PERSONA_DEFAULTS.colour,
    index: str('index'),
  };
}
