import { useRef, useState } from 'react';
import { canFacilitate } from '../../shared/index.ts';
import { useSession } from '../board/hooks.ts';
import { useStore } from '../board/store.ts';
import { CsvFileInput, type PickedCsv } from './CsvFileInput.tsx';
import { EvidenceImportDialog } from './EvidenceImportDialog.tsx';
import { IntegrationKeysDialog } from './IntegrationKeysDialog.tsx';
import { VerbatimsDialog } from './VerbatimsDialog.tsx';
import './evidence.css';

// A survey export of 50,000 responses with comments fits in a few megabytes.
const MAX_EVIDENCE_BYTES = 8 * 1024 * 1024;

/** The KPI panel's evidence row: import a survey export, read what customers said, the facilitator's keys. */
export function EvidenceActions({ readOnly }: { readOnly: boolean }) {
  const session = useSession();
  const role = useStore(session.access, (a) => a.role);
  const file = useRef<HTMLInputElement>(null);
  const [open, setOpen] = useState<'verbatims' | 'keys' | PickedCsv | null>(null);
  return (
    <div className="panel-row kpi-panel-actions evidence-actions">
      {!readOnly && (
        <button type="button" className="btn" data-testid="evidence-import" onClick={() => file.current?.click()}>
          Import survey…
        </button>
      )}
      <button type="button" className="btn ghost" data-testid="verbatims-open" onClick={() => setOpen('verbatims')}>
        What customers said
      </button>
      {role && canFacilitate(role) && (
        <button type="button" className="btn ghost" data-testid="integration-keys-open" onClick={() => setOpen('keys')}>
          Integration keys
        </button>
      )}
      <CsvFileInput
        ref={file}
        data-testid="evidence-import-file"
        label="Survey or support export (CSV)"
        maxBytes={MAX_EVIDENCE_BYTES}
        tooLarge={(f) => `${f.name} is larger than 8 MB; split the export.`}
        onCsv={setOpen}
      />
      {open === 'verbatims' && <VerbatimsDialog readOnly={readOnly} onClose={() => setOpen(null)} />}
      {open === 'keys' && <IntegrationKeysDialog onClose={() => setOpen(null)} />}
      {open && typeof open === 'object' && (
        <EvidenceImportDialog fileName={open.name} text={open.text} onClose={() => setOpen(null)} />
      )}
    </div>
  );
}
