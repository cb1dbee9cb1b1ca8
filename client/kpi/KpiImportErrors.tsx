/** The rows of a KPI file that cannot be imported, each with its line and what is wrong. */
export function KpiImportErrors({
  errors,
  title,
}: {
  errors: readonly { line: number; message: string }[];
  title: string;
}) {
  if (errors.length === 0) return null;
  return (
    <section aria-labelledby="kpi-import-errors">
      <h3 id="kpi-import-errors" className="kpi-import-heading">
        {title}
      </h3>
      <ul className="kpi-import-errors" data-testid="kpi-import-errors">
        {errors.map((e, i) => (
          <li key={i}>
            <span className="kpi-line">Line {e.line}</span> {e.message}
          </li>
        ))}
      </ul>
    </section>
  );
}
