import { endSession } from '../api/account.ts';
import { forgetCredential } from './credential.ts';

/**
 * The provider's sign-in page, coming back to `returnTo` (a path on this server). Never the
 * fragment: it holds the share token, which must not reach a server or a log.
 */
export function signInHref(returnTo = window.location.pathname): string {
  return `/auth/login?returnTo=${encodeURIComponent(returnTo)}`;
}

/**
 * Ends the session on the server, and forgets this device's credential: it was issued to the
 * signed-in person, and on a shared computer the next user must not act as them.
 */
export async function signOut(): Promise<void> {
  await endSession();
  forgetCredential();
}
