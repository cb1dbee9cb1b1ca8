import { useEffect, useState } from 'react';
import { JOIN_DEVICE_PATH, transferLinkFromFragment } from '../../shared/index.ts';
import { joinAsDevice } from '../identity/deviceTransfer.ts';
import { loadProfile } from '../identity/identity.ts';
import { TransferRefused } from '../api/identity.ts';
import { HomePage } from './HomePage.tsx';
import '../ui/deviceTransfer.css';

type JoinState =
  | { readonly kind: 'joining' }
  | { readonly kind: 'joined'; readonly name: string }
  | { readonly kind: 'failed'; readonly title: string; readonly message: string };

const NO_CODE = {
  kind: 'failed',
  title: 'This link is incomplete',
  message: 'Open the whole link from your other device, or scan its QR code again.',
} as const;

/**
 * `/join-device#code=…`: what a "use this identity on another device" link opens. Redeems the
 * code, keeps the new credential and the name and team the link carries, then shows the home page
 * saying who this device is now.
 */
export function JoinDevicePage() {
  // Read once, then wiped from the address bar: the code must not linger in history.
  const [link] = useState(() => transferLinkFromFragment(window.location.hash));
  const [state, setState] = useState<JoinState>(link ? { kind: 'joining' } : NO_CODE);
  useEffect(() => {
    window.history.replaceState(null, '', JOIN_DEVICE_PATH);
    if (!link) return;
    let live = true;
    joinAsDevice(link).then(
      () => {
        if (!live) return;
        window.history.replaceState(null, '', '/');
        setState({ kind: 'joined', name: link.name ?? loadProfile()?.name ?? 'you' });
      },
      (e: unknown) => live && setState(failure(e)),
    );
    return () => {
      live = false;
    };
  }, [link]);

  if (state.kind === 'joined') return <HomePage joinedAs={state.name} />;
  return (
    <main className="join-device">
      {state.kind === 'joining' ? (
        <>
          <h1>Setting up this device…</h1>
          <p className="muted" role="status">
            One moment.
          </p>
        </>
      ) : (
        <>
          <h1>{state.title}</h1>
          <p role="alert" data-testid="join-device-error">
            {state.message}
          </p>
          <p>
            <a className="btn" href="/">
              Go to the home page
            </a>
          </p>
        </>
      )}
    </main>
  );
}

function failure(e: unknown): JoinState {
  const again =
    'On the device you are already using, open your name at the top of a board, choose “Use this identity on another device” and make a new link.';
  if (e instanceof TransferRefused) {
    if (e.code === 'transfer-expired')
      return { kind: 'failed', title: 'This link has expired', message: `Links work for 10 minutes. ${again}` };
    if (e.code === 'transfer-used')
      return { kind: 'failed', title: 'This link has already been used', message: `Each link works once. ${again}` };
    if (e.code === 'transfer-not-found')
      return {
        kind: 'failed',
        title: 'This link does not work',
        message: `It may have been replaced by a newer one. ${again}`,
      };
    return { kind: 'failed', title: 'This link did not work', message: e.message };
  }
  return {
    kind: 'failed',
    title: 'The server could not be reached',
    message: 'Check the connection and open the link again.',
  };
}
