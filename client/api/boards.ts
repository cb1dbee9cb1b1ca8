import { z } from 'zod';
import { encodeHeldLinks, HELD_LINKS_HEADER, ROLES, type Role } from '../../shared/index.ts';
import { bearer, expectOk, readJson } from './http.ts';

const templateSchema = z.object({
  id: z.string(),
  name: z.string(),
  description: z.string(),
  stages: z.array(z.string()),
  lanes: z.array(z.object({ name: z.string(), kind: z.string() })),
  noteCount: z.number(),
  source: z.enum(['builtin', 'saved']).catch('builtin'),
  personaCount: z.number().catch(0),
  kpiCount: z.number().catch(0),
  createdAt: z.number().optional(),
  sourceBoardId: z.string().optional(),
});
export type TemplateInfo = z.infer<typeof templateSchema>;

/**
 * Built-in templates, then the ones saved on this server (listed to whoever may create boards).
 * Sends the links this device holds (`heldLinks`, board id to token): a saved template names its board (`sourceBoardId`, which
 * the home page needs to offer Remove) only to that board's facilitator.
 */
export async function fetchTemplates(heldLinks: Record<string, string>, createToken?: string): Promise<TemplateInfo[]> {
  const headers = { [HELD_LINKS_HEADER]: encodeHeldLinks(heldLinks), ...bearer(createToken) };
  return z.array(templateSchema).parse(await readJson(await fetch('/api/templates', { headers })));
}

/** Facilitators only: saves the board as a template on this server. */
export async function saveBoardAsTemplate(
  boardId: string,
  token: string,
  body: { name: string; description: string },
): Promise<TemplateInfo> {
  const res = await fetch(`/api/boards/${encodeURIComponent(boardId)}/template`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
    body: JSON.stringify(body),
  });
  return templateSchema.parse(await readJson(res));
}

/**
 * Removes a template saved on this server, for everyone: `token` is the facilitator link's token
 * of the board it was saved from, or the server's creation token.
 */
export async function deleteSavedTemplate(templateId: string, token: string): Promise<void> {
  const res = await fetch(`/api/templates/${encodeURIComponent(templateId)}`, {
    method: 'DELETE',
    headers: { authorization: `Bearer ${token}` },
  });
  await expectOk(res);
}

/** The server needs its creation token (CREATE_TOKEN) to create a board. */
export class CreateTokenRequired extends Error {}

const roleSchema = z.enum(ROLES);
const linksSchema = z.object({ role: roleSchema, links: z.partialRecord(roleSchema, z.string()) });
export type BoardLinks = z.infer<typeof linksSchema>;

export async function createBoard(
  title: string,
  template: string,
  createToken?: string,
): Promise<{ id: string; url: string }> {
  const headers: Record<string, string> = { 'content-type': 'application/json' };
  if (createToken) headers.authorization = `Bearer ${createToken}`;
  const res = await fetch('/api/boards', { method: 'POST', headers, body: JSON.stringify({ title, template }) });
  if (res.status === 401) throw new CreateTokenRequired('This server needs its creation token to create boards.');
  return z.object({ id: z.string(), url: z.string() }).parse(await readJson(res));
}

/** My role and the links I may hand out; without a token, a signed-in member's role (and no links). */
export async function fetchLinks(boardId: string, token: string | null): Promise<BoardLinks> {
  const res = await fetch(`/api/boards/${encodeURIComponent(boardId)}/links`, { headers: bearer(token) });
  return linksSchema.parse(await readJson(res));
}

/** Facilitators only: a new link for `role`; whoever used the old one is disconnected. */
export async function rotateLink(boardId: string, token: string, role: Role): Promise<BoardLinks> {
  const res = await fetch(`/api/boards/${encodeURIComponent(boardId)}/links/${role}/rotate`, {
    method: 'POST',
    headers: { authorization: `Bearer ${token}` },
  });
  return linksSchema.parse(await readJson(res));
}
