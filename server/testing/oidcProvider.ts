import http from 'node:http';
import type { AddressInfo } from 'node:net';
import Provider, { type Configuration, type KoaContextWithOIDC } from 'oidc-provider';

interface TestAccount {
  readonly email: string;
  readonly name: string;
  readonly emailVerified?: boolean;
}

export interface TestOidcProvider {
  /** `http://127.0.0.1:<port>`: OIDC_ISSUER. */
  readonly issuer: string;
  readonly clientId: string;
  readonly clientSecret: string;
  /** People who can sign in, by subject. */
  readonly accounts: Map<string, TestAccount>;
  /** Who a browser that does not say `?as=` (a real one, in e2e) signs in as. */
  signInAs: string;
  /** Starts answering, with `redirectUri` as the client's (known once the Journeyboard server listens). */
  serve(redirectUri: string): void;
  close(): Promise<void>;
}

/**
 * A real OpenID provider (`oidc-provider`) on 127.0.0.1 and a free port, with one confidential
 * client whose redirect URI `serve` sets (the issuer URL is known first, for the server's config).
 * Its login is non-interactive: the browser that reaches `/interaction/:uid?as=<subject>` is
 * signed in as that subject (or as `signInAs`), and consent is implied for the client (a grant is
 * made on the spot), so a test drives the whole code flow with fetch or a real browser.
 */
export async function startTestOidcProvider(): Promise<TestOidcProvider> {
  const accounts = new Map<string, TestAccount>();
  const server = http.createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const issuer = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const clientId = 'journeyboard-test';
  const clientSecret = 'test-client-secret-0123456789abcdef';
  const configure = (redirectUri: string): Configuration => ({
    clients: [
      {
        client_id: clientId,
        client_secret: clientSecret,
        redirect_uris: [redirectUri],
        grant_types: ['authorization_code'],
        response_types: ['code'],
      },
    ],
    claims: { openid: ['sub'], email: ['email', 'email_verified'], profile: ['name'] },
    features: { devInteractions: { enabled: false } },
    cookies: { keys: ['test-provider-cookie-key'] },
    interactions: { url: (_ctx, interaction) => `/interaction/${interaction.uid}` },
    async findAccount(_ctx, sub) {
      const account = accounts.get(sub);
      if (!account) return undefined;
      return {
        accountId: sub,
        claims: async () => ({
          sub,
          email: account.email,
          email_verified: account.emailVerified ?? true,
          name: account.name,
        }),
      };
    },
    async loadExistingGrant(ctx: KoaContextWithOIDC) {
      const accountId = ctx.oidc.session?.accountId;
      if (!accountId || !ctx.oidc.client) return undefined;
      const grant = new ctx.oidc.provider.Grant({ clientId: ctx.oidc.client.clientId, accountId });
      grant.addOIDCScope('openid email profile');
      await grant.save();
      return grant;
    },
  });
  const serve = (redirectUri: string) => {
    const provider = new Provider(issuer, configure(redirectUri));
    const callback = provider.callback();
    server.on('request', (req, res) => {
      const url = new URL(req.url ?? '/', issuer);
      if (!url.pathname.startsWith('/interaction/')) {
        callback(req, res);
        return;
      }
      const subject = url.searchParams.get('as') ?? result.signInAs;
      provider
        .interactionDetails(req, res)
        .then(() =>
          provider.interactionFinished(req, res, { login: { accountId: subject } }, { mergeWithLastSubmission: false }),
        )
        .catch((error: unknown) => {
          res.writeHead(400, { 'Content-Type': 'text/plain' });
          res.end(String(error));
        });
    });
  };
  const result: TestOidcProvider = {
    issuer,
    clientId,
    clientSecret,
    accounts,
    signInAs: '',
    serve,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
  return result;
}
