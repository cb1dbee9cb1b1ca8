import { z } from 'zod';
import { TEMPLATE_LIMITS } from '../model/savedTemplate.ts';
import type { BoardTemplate } from '../templates/index.ts';
import type { TemplateInfo } from './http.ts';

/** `POST /api/boards/:id/template` body: both optional (default: the board's title, and where it came from). */
export const saveTemplateRequestSchema = z.object({
  name: z
    .string()
    .trim()
    .max(TEMPLATE_LIMITS.nameLength, `A template name has at most ${TEMPLATE_LIMITS.nameLength} characters`)
    .optional(),
  description: z
    .string()
    .trim()
    .max(TEMPLATE_LIMITS.descriptionLength, `A description has at most ${TEMPLATE_LIMITS.descriptionLength} characters`)
    .optional(),
});

/** The most templates one server keeps; saving past it answers 409 `too-many-templates`. */
export const MAX_SAVED_TEMPLATES = 500;

/** What the picker shows of a template, built-in or saved. */
export function templateInfo(
  t: BoardTemplate,
  source: TemplateInfo['source'],
  createdAt?: number,
  sourceBoardId?: string,
): TemplateInfo {
  return {
    id: t.id,
    name: t.name,
    description: t.description,
    stages: t.stages,
    lanes: t.lanes.map(({ name, kind }) => ({ name, kind })),
    noteCount: t.notes.length,
    source,
    personaCount: t.personas?.length ?? 0,
    kpiCount: t.kpis?.length ?? 0,
    ...(createdAt !== undefined ? { createdAt } : {}),
    ...(sourceBoardId !== undefined ? { sourceBoardId } : {}),
  };
}
