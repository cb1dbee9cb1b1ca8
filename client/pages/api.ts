import { z } from 'zod';

const templateSchema = z.object({
  id: z.string(),
  name: z.string(),
  description: z.string(),
  stages: z.array(z.string()),
  lanes: z.array(z.object({ name: z.string(), kind: z.string() })),
  noteCount: z.number(),
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

export async function fetchTemplates(): Promise<TemplateInfo[]> {
  return z.array(templateSchema).parse(await json(await fetch('/api/templates')));
}

export async function createBoard(title: string, template: string): Promise<{ id: string; url: string }> {
  const res = await fetch('/api/boards', { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ title, template }) });
  return z.object({ id: z.string(), url: z.string() }).parse(await json(res));
}
