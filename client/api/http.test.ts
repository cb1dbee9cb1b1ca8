import { describe, expect, it } from 'vitest';
import { ApiError, expectOk, readJson } from './http.ts';

const answer = (status: number, body: unknown) =>
  new Response(body === undefined ? null : JSON.stringify(body), {
    status,
    headers: { 'content-type': 'application/json' },
  });

describe('the one error-unwrapping of HTTP answers', () => {
  it('gives the server’s code and message, with the status', async () => {
    const error = await readJson(
      answer(410, { error: { code: 'transfer-expired', message: 'This code expired.' } }),
    ).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ApiError);
    expect(error).toMatchObject({ status: 410, code: 'transfer-expired', message: 'This code expired.' });
  });

  it('says the status when the server sent no error body', async () => {
    await expect(expectOk(new Response('<html>bad gateway</html>', { status: 502 }))).rejects.toMatchObject({
      status: 502,
      code: null,
      message: 'The server answered 502',
    });
  });

  it('returns the body of an ok answer, and null for an empty one', async () => {
    expect(await readJson(answer(200, { id: 'b1' }))).toEqual({ id: 'b1' });
    expect(await readJson(new Response(null, { status: 204 }))).toBeNull();
  });
});
