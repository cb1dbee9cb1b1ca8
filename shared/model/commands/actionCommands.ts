import { z } from 'zod';
import { actionIssueUrlSchema } from '../../schema/action.ts';
import { noteIdSchema } from '../../schema/note.ts';
import { CommandError } from '../errors.ts';
import { requireRecord } from './context.ts';
import { command } from './define.ts';

/**
 * Records the tracker issue an action was handed to (the server's command: it creates the issue,
 * then writes its link). Refused for a note that is no longer an action (turned back meanwhile):
 * the link would otherwise hang on a plain note.
 */
export const linkActionIssue = command(
  z.object({ noteId: noteIdSchema, url: actionIssueUrlSchema }),
  (ctx, { noteId, url }) => {
    const rec = requireRecord(ctx, noteId, 'note');
    if (rec.get('actionStatus') === undefined)
      throw new CommandError('not-found', 'This note is not an action any more');
    rec.set('actionIssueUrl', url);
    rec.set('updatedAt', ctx.now);
  },
);
