/**
 * Copies `text`; when the browser blocks the clipboard, selects the field that shows it (found by
 * its test id) so Ctrl+C works. Resolves whether the copy went through.
 */
export async function copyOrSelect(text: string, fieldTestId: string): Promise<boolean> {
  try {
    await navigator.clipboard.writeText(text);
    return true;
  } catch {
    document.querySelector<HTMLInputElement>(`[data-testid="${fieldTestId}"]`)?.select();
    return false;
  }
}
