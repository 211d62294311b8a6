/** Unicode NFC, the form Vietnamese text is stored and compared in (one code point per "ệ"). */
export function nfc(text: string): string {
  return text.normalize("NFC");
}
