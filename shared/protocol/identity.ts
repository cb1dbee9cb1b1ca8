import { z } from 'zod';
import { isCredential, isPersonId } from './credentials.ts';

export {
  CREDENTIAL_COOKIE,
  CREDENTIAL_HEADER,
  identitiesPath,
  isCredential,
  isPersonId,
} from './credentials.ts';

/**
 * Server-proven identities. A share link says what a connection may do; a credential says who the
 * person is. The server issues a credential the first time a device joins (POST
 * /api/boards/:id/identities with any share link of that board), keeps only its hash, and from
 * then on binds every connection to the person id it proved. Ids written in messages or in the
 * document are never taken at their word (docs/security.md).
 */

/** What the server answers once, when it issues an identity. */
export const issuedIdentitySchema = z.object({
  personId: z.string().refine(isPersonId, 'Not a person id'),
  credential: z.string().refine(isCredential, 'Not a credential'),
});
export type IssuedIdentity = z.infer<typeof issuedIdentitySchema>;

/** What a provider sends as its Hocuspocus token: the share link's token and the device's credential. */
export interface ConnectionToken {
  readonly link: string;
  readonly credential: string | null;
  /** The name the person chose, shown to facilitators while they wait in a lobby (not proof of anything). */
  readonly name?: string;
}

const connectionTokenSchema = z.object({
  link: z.string().max(256),
  credential: z.string().max(256).nullable(),
  name: z.string().trim().min(1).max(60).optional().catch(undefined),
});

export function encodeConnectionToken(token: ConnectionToken): string {
  return JSON.stringify({
    link: token.link,
    credential: token.credential,
    ...(token.name ? { name: token.name } : {}),
  });
}

/** A bare string is a share token without a credential (what clients sent before identities). */
export function decodeConnectionToken(raw: string | undefined): ConnectionToken {
  if (!raw) return { link: '', credential: null };
  if (!raw.startsWith('{')) return { link: raw, credential: null };
  try {
    const parsed = connectionTokenSchema.safeParse(JSON.parse(raw));
    return parsed.success ? parsed.data : { link: '', credential: null };
  } catch {
    return { link: '', credential: null };
  }
}
