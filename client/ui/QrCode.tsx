import { useEffect, useState } from 'react';
import QRCode from 'qrcode';

/** A link as a QR code (SVG text), made in the page: the link never leaves the browser. */
export function qrSvg(text: string): Promise<string> {
  return QRCode.toString(text, { type: 'svg', margin: 1, errorCorrectionLevel: 'M' });
}

/** A link's QR code as an image; nothing while it is being made. */
export function QrCode({
  text,
  label,
  className,
  testId,
}: {
  text: string;
  label: string;
  className: string;
  testId?: string;
}) {
  const [svg, setSvg] = useState<{ text: string; svg: string } | null>(null);
  useEffect(() => {
    let live = true;
    void qrSvg(text).then((made) => live && setSvg({ text, svg: made }));
    return () => {
      live = false;
    };
  }, [text]);
  if (svg?.text !== text) return <span className={className} aria-hidden />;
  return (
    <img
      className={className}
      src={`data:image/svg+xml;utf8,${encodeURIComponent(svg.svg)}`}
      alt={label}
      data-testid={testId}
      data-link={text}
    />
  );
}
