import 'server-only';
// The authenticator app's set-up QR code, drawn on the server as SVG (qrcode), so the page needs no script
// and the secret never reaches a third-party service. The otpauth URI format is Google's Key Uri Format,
// which Microsoft Authenticator reads too.
import { toString } from 'qrcode';

export async function totpQrCodeSvg(otpauthUri: string): Promise<string> {
  const svg = await toString(otpauthUri, { type: 'svg', errorCorrectionLevel: 'M', margin: 2 });
  // Drop the XML prolog if any; the page inlines the <svg> element and labels it.
  return svg.replace(/^<\?xml[^>]*>\s*/, '');
}
