import type { Department } from '../schema/department.ts';
import type { NoteKind } from '../schema/noteKind.ts';

export interface TemplateNote {
  /** Index into the template's stages. */
  readonly stage: number;
  /** The lane is the template's first lane of this kind; the note takes the same kind. */
  readonly lane: NoteKind;
  readonly text: string;
  readonly department: Department;
  readonly sentiment?: number;
  /** Indexes into the template's personas that this note is about. */
  readonly personas?: readonly number[];
}

export interface TemplatePersona {
  readonly name: string;
  readonly role: string;
  readonly goals: string;
  readonly needs: string;
  readonly frustrations: string;
  readonly quote: string;
}

export interface BoardTemplate {
  readonly id: string;
  readonly name: string;
  readonly description: string;
  readonly stages: readonly string[];
  readonly lanes: readonly { readonly name: string; readonly kind: NoteKind }[];
  readonly notes: readonly TemplateNote[];
  readonly personas?: readonly TemplatePersona[];
}

export const STANDARD_LANES: BoardTemplate['lanes'] = [
  { name: 'Touchpoints', kind: 'touchpoint' },
  { name: 'Customer actions', kind: 'action' },
  { name: 'Thoughts', kind: 'thought' },
  { name: 'Emotions', kind: 'emotion' },
  { name: 'Pain points', kind: 'pain' },
  { name: 'Opportunities', kind: 'idea' },
];
