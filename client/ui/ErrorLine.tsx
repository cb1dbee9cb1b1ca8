/** A failure said in words where it happened, read out at once (role alert); nothing while there is none. */
export function ErrorLine({ error, small = false }: { error: string | null | undefined; small?: boolean }) {
  if (!error) return null;
  return (
    <p className={small ? 'error small' : 'error'} role="alert">
      {error}
    </p>
  );
}
