import * as oidc from 'openid-client';
import { z } from 'zod';
import { deriveKey, signValue, verifySignedValue } from './signedCookie.ts';

export interface CompanySignInOptions {
  readonly issuer: string;
  readonly clientId: string;
  readonly clientSecret: string;
  readonly now?: () => number;
}

/** What the provider proved about the person who signed in. */
export interface CompanyAccount {
  readonly issuer: string;
  readonly subject: string;
  readonly email: string | null;
  readonly name: string | null;
}

/** The attempt the browser carries between /auth/login and /auth/callback (signed, HttpOnly). */
const pendingSchema = z.object({
  state: z.string(),
  nonce: z.string(),
  verifier: z.string(),
  returnTo: z.string(),
  expiresAt: z.number(),
});

const PENDING_SIGN_IN_MS = 10 * 60_000;

class SignInError extends Error {
  readonly code: 'no-attempt' | 'expired' | 'refused';
  constructor(code: SignInError['code'], message: string) {
    super(message);
    this.name = 'SignInError';
    this.code = code;
  }
}

/**
 * OpenID Connect authorization code flow with PKCE, through `openid-client`, which checks the
 * state, the nonce, the ID token's signature, issuer, audience and expiry. The state, nonce and
 * PKCE verifier travel in a cookie signed with a key derived from the client secret, so any
 * instance can finish a sign-in another began, and a callback URL handed to someone else's
 * browser (login CSRF) finds no matching cookie there. Tokens are read once and dropped.
 */
export class CompanySignIn {
  private readonly issuer: URL;
  private readonly clientId: string;
  private readonly clientSecret: string;
  private readonly key: Buffer;
  private readonly now: () => number;
  private configuration: Promise<oidc.Configuration> | null = null;

  constructor(options: CompanySignInOptions) {
    this.issuer = new URL(options.issuer);
    this.clientId = options.clientId;
    this.clientSecret = options.clientSecret;
    this.key = deriveKey(options.clientSecret, 'journeyboard sign-in attempt');
    this.now = options.now ?? Date.now;
  }

  /** The provider's authorization URL and the signed attempt to keep in the browser. */
  async begin(redirectUri: string, returnTo: string): Promise<{ url: URL; attempt: string }> {
    const config = await this.config();
    const verifier = oidc.randomPKCECodeVerifier();
    const state = oidc.randomState();
    const nonce = oidc.randomNonce();
    const url = oidc.buildAuthorizationUrl(config, {
      redirect_uri: redirectUri,
      scope: 'openid email profile',
      response_type: 'code',
      code_challenge: await oidc.calculatePKCECodeChallenge(verifier),
      code_challenge_method: 'S256',
      state,
      nonce,
    });
    return {
      url,
      attempt: signValue(this.key, { state, nonce, verifier, returnTo, expiresAt: this.now() + PENDING_SIGN_IN_MS }),
    };
  }

  /** Checks the provider's answer at `callbackUrl` against the attempt; the account and where to go next. */
  async finish(callbackUrl: URL, attempt: string | null): Promise<{ account: CompanyAccount; returnTo: string }> {
    const pending = pendingSchema.safeParse(verifySignedValue(this.key, attempt));
    if (!pending.success) throw new SignInError('no-attempt', 'No sign-in was started in this browser');
    if (pending.data.expiresAt < this.now()) throw new SignInError('expired', 'The sign-in took too long; start again');
    const config = await this.config();
    let claims: oidc.IDToken | undefined;
    try {
      const tokens = await oidc.authorizationCodeGrant(config, callbackUrl, {
        pkceCodeVerifier: pending.data.verifier,
        expectedState: pending.data.state,
        expectedNonce: pending.data.nonce,
        idTokenExpected: true,
      });
      claims = tokens.claims();
      // Many providers put email and name in the ID token; others (by default oidc-provider, some
      // Keycloak set-ups) only behind userinfo, for the same subject.
      if (claims && (claims.email === undefined || claims.name === undefined)) {
        claims = { ...(await oidc.fetchUserInfo(config, tokens.access_token, claims.sub)), ...claims };
      }
    } catch (error) {
      throw new SignInError('refused', error instanceof Error ? error.message : String(error));
    }
    if (!claims) throw new SignInError('refused', 'The provider sent no ID token');
    const text = (v: unknown) => (typeof v === 'string' && v.trim() !== '' ? v.trim().slice(0, 200) : null);
    // An unverified address would let anyone claim a domain; only a verified one (or one the provider does not qualify) counts.
    const email = claims.email_verified === false ? null : text(claims.email);
    return {
      account: {
        issuer: claims.iss,
        subject: claims.sub,
        email: email?.toLowerCase() ?? null,
        name: text(claims.name) ?? text(claims.preferred_username),
      },
      returnTo: pending.data.returnTo,
    };
  }

  /** Discovered on first use (and again after a failure), so a provider that is down does not stop the server. */
  private config(): Promise<oidc.Configuration> {
    this.configuration ??= oidc
      .discovery(
        this.issuer,
        this.clientId,
        undefined,
        oidc.ClientSecretBasic(this.clientSecret),
        insecureAllowed(this.issuer) ? { execute: [oidc.allowInsecureRequests] } : undefined,
      )
      .catch((error: unknown) => {
        this.configuration = null;
        throw error;
      });
    return this.configuration;
  }
}

/** Plain http only to a provider on this machine (tests, a local Keycloak); config.ts refuses others. */
function insecureAllowed(issuer: URL): boolean {
  return issuer.protocol === 'http:' && ['127.0.0.1', 'localhost', '[::1]'].includes(issuer.hostname);
}
