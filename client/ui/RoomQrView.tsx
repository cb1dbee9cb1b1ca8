import { ROLE_INFO, type Role } from '../../shared/index.ts';
import { useBoardValue } from '../board/hooks.ts';
import { Dialog } from './Dialog.tsx';
import { QrCode } from './QrCode.tsx';

/**
 * "Show to the room": one link's QR code as large as the screen allows, for a projector, so
 * everyone in the room joins by pointing a phone at the wall.
 */
export function RoomQrView({ role, url, onClose }: { role: Role; url: string; onClose: () => void }) {
  const title = useBoardValue((b) => b.meta.title);
  const host = new URL(url).host;
  return (
    <Dialog title={`Join “${title}”`} onClose={onClose} className="room-qr">
      <p className="room-qr-how">
        Point your phone’s camera at the code to join as {ROLE_INFO[role].label.toLowerCase()}.
      </p>
      <QrCode
        text={url}
        label={`QR code of the ${ROLE_INFO[role].label.toLowerCase()} link`}
        className="room-qr-code"
        testId="room-qr-code"
      />
      <p className="room-qr-host">{host}</p>
      <div className="dialog-actions">
        <button type="button" className="btn" onClick={onClose} data-testid="room-qr-close">
          Close
        </button>
      </div>
    </Dialog>
  );
}
