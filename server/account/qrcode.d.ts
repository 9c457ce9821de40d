// The one function of `qrcode` (1.5, no bundled types) the portal uses: a QR code as an SVG document.
declare module 'qrcode' {
  export function toString(
    text: string,
    options: { type: 'svg'; errorCorrectionLevel?: 'L' | 'M' | 'Q' | 'H'; margin?: number; width?: number },
  ): Promise<string>;
}
