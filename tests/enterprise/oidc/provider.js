// A real OpenID provider for the enterprise sign-in tests (oidc-provider 9.13.3).
// Usage: node provider.js <port> <clients-json> [<options-json>]
// Options: {"path": "/tenant-a/v2.0", "tid": "tenant-a"} serves the provider under that path
// (an Entra-like issuer naming its tenant) and puts `tid` in the ID token.
// Prints "READY <issuer>" once listening. The login "form" is scripted: GET
// /interaction/:uid?account=<id> signs that test person in, so tests need no browser.
import Provider from 'oidc-provider';
import { generateKeyPairSync } from 'node:crypto';
import http from 'node:http';

const port = Number(process.argv[2]);
const clients = JSON.parse(process.argv[3]);
const options = JSON.parse(process.argv[4] || '{}');
const prefix = options.path || '';
const issuer = `http://127.0.0.1:${port}${prefix}`;

// Test people: an id (the OIDC subject) with the claims Google / Entra put in an ID token.
const PEOPLE = {
  'sub-ada': { email: 'ada@corp.example.com', email_verified: true, name: 'Ada Lovelace' },
  'sub-bob': { email: 'bob@corp.example.com', email_verified: true, name: 'Bob Inactive' },
  'sub-eve': { email: 'eve@elsewhere.example.com', email_verified: true, name: 'Eve Unknown' },
  'sub-una': { email: 'una@corp.example.com', email_verified: false, name: 'Una Unverified' },
  'sub-ada-2': { email: 'ada@corp.example.com', email_verified: true, name: 'Ada Impostor' },
  'sub-bea': { email: 'bea@other.example.com', email_verified: true, name: 'Bea Other' },
};

const { privateKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
const jwk = { ...privateKey.export({ format: 'jwk' }), use: 'sig', alg: 'RS256', kid: 'test-key' };

const provider = new Provider(issuer, {
  clients,
  jwks: { keys: [jwk] },
  conformIdTokenClaims: false, // Google and Entra put email in the ID token of a code flow
  claims: { openid: ['sub', 'tid'], email: ['email', 'email_verified'], profile: ['name'] },
  pkce: { required: () => true },
  features: { devInteractions: { enabled: false } },
  interactions: { url: (ctx, interaction) => `${prefix}/interaction/${interaction.uid}` },
  async findAccount(ctx, id) {
    const person = PEOPLE[id];
    if (!person) return undefined;
    const tid = options.tid ? { tid: options.tid } : {};
    return { accountId: id, async claims() { return { sub: id, ...person, ...tid }; } };
  },
  async loadExistingGrant(ctx) {
    // Grant openid email profile without a consent page.
    const grant = new ctx.oidc.provider.Grant({ clientId: ctx.oidc.client.clientId, accountId: ctx.oidc.session.accountId });
    grant.addOIDCScope('openid email profile');
    await grant.save();
    return grant;
  },
});

provider.use(async (ctx, next) => {
  const match = ctx.path.match(/^\/interaction\/([^/]+)$/);
  if (ctx.method === 'GET' && match) {
    const account = new URL(ctx.href).searchParams.get('account');
    if (!account) {
      ctx.status = 200;
      ctx.body = 'login form: add ?account=<subject>';
      return;
    }
    await provider.interactionDetails(ctx.req, ctx.res);
    ctx.respond = false;
    await provider.interactionFinished(ctx.req, ctx.res, { login: { accountId: account } }, { mergeWithLastSubmission: false });
    return;
  }
  await next();
});

const handle = provider.callback();
http.createServer((req, res) => {
  if (prefix && req.url.startsWith(prefix)) {
    // Mounted under the issuer's path: the provider reads its mount path from originalUrl.
    req.originalUrl = req.url;
    req.url = req.url.slice(prefix.length) || '/';
  }
  handle(req, res);
}).listen(port, '127.0.0.1', () => {
  console.log(`READY ${issuer}`);
});
