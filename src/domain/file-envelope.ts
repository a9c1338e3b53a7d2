// The one gate every imported file passes before its contents are looked at: its size (known before it is read),
// JSON, the format it claims, and a version from the future. Each importer words its own refusals; nothing is written
// on any of them.

export interface Envelope {
  format: string;
  /** The newest version this build reads; a newer one is refused with `messages.newer`, when given. */
  version: number;
  maxBytes: number;
  messages: { tooLarge: string; notJson: string; notThisFormat: string; newer?: string };
}

export type OpenedEnvelope = { ok: true; parsed: unknown } | { ok: false; message: string };

/** `byteLength` is the file's size, checked before the text is parsed. */
export function openEnvelope(text: string, byteLength: number, envelope: Envelope): OpenedEnvelope {
  const { messages } = envelope;
  if (byteLength > envelope.maxBytes) return { ok: false, message: messages.tooLarge };
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    return { ok: false, message: messages.notJson };
  }
  const head = parsed as { format?: unknown; version?: unknown } | null;
  if (head?.format !== envelope.format) return { ok: false, message: messages.notThisFormat };
  if (messages.newer && typeof head.version === 'number' && head.version > envelope.version) {
    return { ok: false, message: messages.newer };
  }
  return { ok: true, parsed };
}
