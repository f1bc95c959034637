import { useEffect, useState } from 'react';
import QRCode from 'qrcode';

/** The join link as a QR code, for people in the room to scan from the projector. */
export function JoinQr({ url }: { url: string }) {
  const [dataUrl, setDataUrl] = useState<string | null>(null);
  useEffect(() => {
    let cancelled = false;
    QRCode.toDataURL(url, { margin: 1, width: 360, errorCorrectionLevel: 'M' }).then(
      (result) => !cancelled && setDataUrl(result),
      () => !cancelled && setDataUrl(null),
    );
    return () => {
      cancelled = true;
    };
  }, [url]);
  return (
    <figure className="join-qr">
      {dataUrl && <img src={dataUrl} alt={`QR code to join: ${url}`} width={240} height={240} />}
      <figcaption>
        Join on your phone or laptop:
        <br />
        <span className="join-url">{url}</span>
      </figcaption>
    </figure>
  );
}
