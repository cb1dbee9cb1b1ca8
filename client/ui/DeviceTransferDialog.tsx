import { useCallback, useEffect, useState } from 'react';
import { DEPARTMENT_STYLE } from '../../shared/index.ts';
import { loadCredential } from '../identity/credential.ts';
import { makeDeviceLink, type DeviceLink } from '../identity/deviceTransfer.ts';
import type { Profile } from '../identity/identity.ts';
import { Dialog } from './Dialog.tsx';
import { qrSvg } from './QrCode.tsx';
import { minutesAndSeconds, useSecondsLeft } from './useSecondsLeft.ts';
import './share.css';
import './deviceTransfer.css';
import { copyOrSelect } from './clipboard.ts';

type LinkState =
  | { readonly kind: 'loading' }
  | { readonly kind: 'ready'; readonly link: DeviceLink; readonly qr: string }
  | { readonly kind: 'failed'; readonly message: string };

/**
 * "Use this identity on another device": a one-time link, as text to copy and as a QR code to scan,
 * with the minutes it still works. Opening it on the other device makes that device this person.
 */
export function DeviceTransferDialog({ profile, onClose }: { profile: Profile; onClose: () => void }) {
  const [state, setState] = useState<LinkState>({ kind: 'loading' });
  const [copied, setCopied] = useState(false);
  const [attempt, setAttempt] = useState(0);
  const seconds = useSecondsLeft(state.kind === 'ready' ? state.link.expiresAt : null);
  const expired = state.kind === 'ready' && seconds === 0;

  // biome-ignore lint/correctness/useExhaustiveDependencies: attempt is the "make a new link" signal
  useEffect(() => {
    let live = true;
    const credential = loadCredential()?.credential;
    const made = credential
      ? makeDeviceLink(credential, profile).then(async (link) => ({
          kind: 'ready' as const,
          link,
          qr: await qrSvg(link.url),
        }))
      : Promise.reject(new Error('This device has no identity yet: join a board first.'));
    made.then(
      (ready) => live && setState(ready),
      (e: unknown) =>
        live &&
        setState({ kind: 'failed', message: e instanceof Error ? e.message : 'The server could not be reached.' }),
    );
    return () => {
      live = false;
    };
  }, [profile, attempt]);

  const remake = useCallback(() => {
    setCopied(false);
    setState({ kind: 'loading' });
    setAttempt((n) => n + 1);
  }, []);

  const copy = async (url: string) => setCopied(await copyOrSelect(url, 'device-link'));

  return (
    <Dialog title="Use this identity on another device" onClose={onClose} className="device-dialog">
      <p className="device-intro">
        Open this link on your phone or another computer, or scan the code with its camera. That device becomes{' '}
        <strong>{profile.name}</strong> ({DEPARTMENT_STYLE[profile.department].label}) too: your notes, votes and
        drafts.
      </p>
      {state.kind === 'loading' && (
        <p className="muted" role="status">
          Making a link…
        </p>
      )}
      {state.kind === 'failed' && (
        <p className="device-error" role="alert">
          Could not make a link: {state.message}
        </p>
      )}
      {state.kind === 'ready' && (
        <div className={expired ? 'device-link expired' : 'device-link'}>
          <img
            className="device-qr"
            src={`data:image/svg+xml;utf8,${encodeURIComponent(state.qr)}`}
            alt="QR code of the link"
            data-testid="device-qr"
            width={184}
            height={184}
          />
          <div className="device-link-side">
            <div className="share-row">
              <input
                className="share-url"
                readOnly
                value={state.link.url}
                aria-label="One-time link"
                data-testid="device-link"
                onFocus={(e) => e.target.select()}
              />
              <button
                type="button"
                className={`btn share-copy ${copied ? 'copied' : ''}`}
                onClick={() => void copy(state.link.url)}
                disabled={expired}
                data-testid="device-link-copy"
              >
                {copied ? '✓ Copied' : 'Copy link'}
              </button>
            </div>
            {expired ? (
              <p className="device-expiry" role="alert" data-testid="device-expired">
                This link has expired. Make a new one.
              </p>
            ) : (
              <p className="device-expiry" data-testid="device-countdown">
                Works once, for the next <span className="device-clock">{minutesAndSeconds(seconds)}</span>
              </p>
            )}
            <p className="device-warning">Anyone who opens this link becomes you. Only open it on your own device.</p>
          </div>
        </div>
      )}
      <div className="dialog-actions">
        <button
          type="button"
          className="btn"
          onClick={remake}
          disabled={state.kind === 'loading'}
          data-testid="device-link-new"
        >
          Make a new link
        </button>
        <button type="button" className="btn primary" onClick={onClose} data-testid="device-close">
          Done
        </button>
      </div>
    </Dialog>
  );
}
