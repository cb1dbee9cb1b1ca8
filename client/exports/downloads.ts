import { fetchDownload } from '../api/exports.ts';

/** Fetches a download with the share token as a Bearer (never in the URL), then saves it. */
export async function downloadFromApi(path: string, token: string | null): Promise<string> {
  const { blob, filename } = await fetchDownload(path, token);
  saveBlob(blob, filename);
  return filename;
}

export function saveBlob(blob: Blob, filename: string): void {
  const url = URL.createObjectURL(blob);
  const a = document.createElement('a');
  a.href = url;
  a.download = filename;
  a.style.display = 'none';
  document.body.append(a);
  a.click();
  a.remove();
  // The download has started from the click; give it a moment before freeing the blob.
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

/** A `data:` URL as a Blob (the CSP's connect-src does not allow fetching data: URLs). */
export function dataUrlBlob(dataUrl: string): Blob {
  const [head, body] = dataUrl.split(',', 2) as [string, string];
  const type = /^data:([^;,]+)/.exec(head)?.[1] ?? 'application/octet-stream';
  const bytes = Uint8Array.from(atob(body), (c) => c.charCodeAt(0));
  return new Blob([bytes], { type });
}
