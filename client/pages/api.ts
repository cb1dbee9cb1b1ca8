import { z } from 'zod';
import {
  credentialAuthorization,
  encodeHeldLinks,
  HELD_LINKS_HEADER,
  issuedIdentitySchema,
  issuedTransferSchema,
  REDEEM_PATH,
  ROLES,
  TRANSFERS_PATH,
  type IssuedIdentity,
  type IssuedTransfer,
  type Role,
} from '../../shared/index.ts';
import { storedBoardTokens } from '../sync/boardTokens.ts';

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

async function json(res: Response): Promise<unknown> {
  const body: unknown = await res.json().catch(() => null);
  if (!res.ok) {
    const message = (body as { error?: { message?: string } } | null)?.error?.message;
    throw new Error(message ?? `The server answered ${res.status}`);
  }
  return body;
}

/**
 * Built-in templates, then the ones saved on this server (listed to whoever may create boards).
 * Sends the links this device holds: a saved template names its board (`sourceBoardId`, which
 * the home page needs to offer Remove) only to that board's facilitator.
 */
export async function fetchTemplates(createToken?: string): Promise<TemplateInfo[]> {
  const headers: Record<string, string> = { [HELD_LINKS_HEADER]: encodeHeldLinks(storedBoardTokens()) };
  if (createToken) headers.authorization = `Bearer ${createToken}`;
  return z.array(templateSchema).parse(await json(await fetch('/api/templates', { headers })));
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
  return templateSchema.parse(await json(res));
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
  if (!res.ok) await json(res);
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
  return z.object({ id: z.string(), url: z.string() }).parse(await json(res));
}

/** My role on a board and the share links I may hand out. */
/** My role and the links I may hand out; without a token, a signed-in member's role (and no links). */
export async function fetchLinks(boardId: string, token: string | null): Promise<BoardLinks> {
  const res = await fetch(`/api/boards/${encodeURIComponent(boardId)}/links`, {
    headers: token ? { authorization: `Bearer ${token}` } : {},
  });
  return linksSchema.parse(await json(res));
}

/** Facilitators only: a new link for `role`; whoever used the old one is disconnected. */
export async function rotateLink(boardId: string, token: string, role: Role): Promise<BoardLinks> {
  const res = await fetch(`/api/boards/${encodeURIComponent(boardId)}/links/${role}/rotate`, {
    method: 'POST',
    headers: { authorization: `Bearer ${token}` },
  });
  return linksSchema.parse(await json(res));
}

/** The link was refused (`unauthorized`) or names no board (`board-not-found`): what the board page says for either. */
export class LinkRefused extends Error {
  readonly reason: 'unauthorized' | 'board-not-found';
  constructor(reason: 'unauthorized' | 'board-not-found') {
    super(reason);
    this.reason = reason;
  }
}

/** A one-time code that moves this person to another device (the credential proves who asks). */
export async function requestTransfer(credential: string): Promise<IssuedTransfer> {
  const res = await fetch(TRANSFERS_PATH, {
    method: 'POST',
    headers: { authorization: credentialAuthorization(credential) },
  });
  return issuedTransferSchema.parse(await json(res));
}

/** Why a transfer code was refused, as the server says it (`transfer-expired`, `transfer-used`, …). */
export class TransferRefused extends Error {
  readonly code: string;
  constructor(code: string, message: string) {
    super(message);
    this.code = code;
  }
}

/** This device's own credential for the person who made `code`; TransferRefused if it no longer works. */
export async function redeemTransfer(code: string): Promise<IssuedIdentity> {
  const res = await fetch(REDEEM_PATH, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ code }),
  });
  if (!res.ok) {
    const body = (await res.json().catch(() => null)) as { error?: { code?: string; message?: string } } | null;
    throw new TransferRefused(
      body?.error?.code ?? 'unknown',
      body?.error?.message ?? `The server answered ${res.status}`,
    );
  }
  return issuedIdentitySchema.parse(await res.json());
}
