import { createCipheriv, createDecipheriv, hkdfSync, randomBytes } from 'node:crypto';
import * as z from 'zod';

/**
 * What the server must remember between sending an agent to ProConnect and their return: the
 * PKCE verifier, the state, the nonce and the page to go back to. It is kept in the agent's
 * browser, in a cookie sealed (AES-256-GCM) with a key derived from the client secret: no
 * instance needs to remember anything, the verifier never shows in a URL, and a cookie that was
 * tampered with or made by someone else does not open.
 */

export const STATE_COOKIE = 'barometre_proconnect';

/** How long a sign-in may take, from the login route to the callback. */
export const STATE_LIFETIME_S = 10 * 60;

const SignInState = z.object({
  verifier: z.string().min(43).max(128),
  state: z.string().min(1).max(200),
  nonce: z.string().min(1).max(200),
  returnTo: z.url(),
  expiresAt: z.number().int(),
});
export type SignInState = z.infer<typeof SignInState>;

function sealingKey(clientSecret: string): Buffer {
  return Buffer.from(hkdfSync('sha256', Buffer.from(clientSecret, 'utf8'), 'barometre', 'proconnect state', 32));
}

export function sealState(clientSecret: string, state: SignInState): string {
  const iv = randomBytes(12);
  const cipher = createCipheriv('aes-256-gcm', sealingKey(clientSecret), iv);
  const sealed = Buffer.concat([cipher.update(JSON.stringify(state), 'utf8'), cipher.final()]);
  return Buffer.concat([iv, cipher.getAuthTag(), sealed]).toString('base64url');
}

/** The state a cookie holds, if it opens, is well formed and has not expired. */
export function openState(clientSecret: string, cookie: string, now: Date = new Date()): SignInState | undefined {
  const data = Buffer.from(cookie, 'base64url');
  if (data.length < 29) return undefined;
  try {
    const decipher = createDecipheriv('aes-256-gcm', sealingKey(clientSecret), data.subarray(0, 12));
    decipher.setAuthTag(data.subarray(12, 28));
    const plain = Buffer.concat([decipher.update(data.subarray(28)), decipher.final()]).toString('utf8');
    const parsed = SignInState.safeParse(JSON.parse(plain));
    if (!parsed.success || parsed.data.expiresAt * 1000 < now.getTime()) return undefined;
    return parsed.data;
  } catch {
    return undefined;
  }
}

/** The value of one cookie in a `Cookie` header. */
export function cookieValue(header: string | undefined, name: string): string | undefined {
  for (const part of (header ?? '').split(';')) {
    const [key, ...rest] = part.trim().split('=');
    if (key === name) return rest.join('=');
  }
  return undefined;
}
