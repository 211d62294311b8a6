/** All text is stored in Unicode NFC (precomposed Vietnamese), whatever the client sent. */
export function nfc(s: string): string {
  return s.normalize("NFC");
}
