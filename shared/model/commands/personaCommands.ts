import { z } from 'zod';
import { newRecordMap, recordsMap } from '../../doc/boardDoc.ts';
import { newId } from '../../schema/ids.ts';
import { noteIdSchema } from '../../schema/note.ts';
import { PERSONA_COLOURS, personaFieldsSchema, personaIdSchema, personaTagKey } from '../../schema/persona.ts';
import { CommandError } from '../errors.ts';
import { indexAfterLast } from '../ordering.ts';
import { requireRecord } from './context.ts';
import { command } from './define.ts';

/** Adds a persona card; only the name is required, the colour rotates through the palette. */
export const addPersona = command(personaFieldsSchema.partial().required({ name: true }), (ctx, input) => {
  const personas = ctx.board().personas;
  const id = newId('persona');
  recordsMap(ctx.doc).set(
    id,
    newRecordMap({
      role: '',
      goals: '',
      needs: '',
      frustrations: '',
      quote: '',
      colour: PERSONA_COLOURS[personas.length % PERSONA_COLOURS.length],
      ...input,
      index: indexAfterLast(personas),
    }),
  );
  return id;
});

/** Changes some fields of a persona; each field is its own key, so two editors merge. */
export const updatePersona = command(
  z.object({ personaId: personaIdSchema, patch: personaFieldsSchema.partial() }),
  (ctx, { personaId, patch }) => {
    const rec = requireRecord(ctx, personaId, 'persona');
    if (Object.keys(patch).length === 0) throw new CommandError('invalid-input', 'Nothing to change.');
    for (const [key, value] of Object.entries(patch)) if (value !== undefined) rec.set(key, value);
  },
);

/** Removes a persona and its tags on notes; the notes themselves stay. */
export const removePersona = command(z.object({ personaId: personaIdSchema }), (ctx, { personaId }) => {
  requireRecord(ctx, personaId, 'persona');
  const records = recordsMap(ctx.doc);
  for (const n of ctx.board().notes)
    if (n.personaIds.includes(personaId)) records.get(n.id)?.delete(personaTagKey(personaId));
  records.delete(personaId);
});

/** Tags notes with a persona (`tagged: true`) or removes the tag. */
export const tagNotes = command(
  z.object({ noteIds: z.array(noteIdSchema).min(1).max(5000), personaId: personaIdSchema, tagged: z.boolean() }),
  (ctx, { noteIds, personaId, tagged }) => {
    requireRecord(ctx, personaId, 'persona');
    const records = noteIds.map((id) => requireRecord(ctx, id, 'note'));
    for (const rec of records) {
      if (tagged) rec.set(personaTagKey(personaId), true);
      else rec.delete(personaTagKey(personaId));
    }
  },
);
