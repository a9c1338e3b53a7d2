import { describe, expect, it } from 'vitest';
import { openEnvelope, type Envelope } from '../../src/domain/file-envelope';

const ENVELOPE: Envelope = {
  format: 'test-format',
  version: 2,
  maxBytes: 100,
  messages: { tooLarge: 'too large', notJson: 'not JSON', notThisFormat: 'not ours', newer: 'newer' },
};

describe('the gate every imported file passes', () => {
  it('refuses by size before reading, then anything not JSON, another format, or a version from the future', () => {
    const ours = JSON.stringify({ format: 'test-format', version: 2 });
    // The size is the file's, not the text's: a huge file is refused even if its text were fine.
    expect(openEnvelope(ours, 101, ENVELOPE)).toEqual({ ok: false, message: 'too large' });
    expect(openEnvelope('{not json', 9, ENVELOPE)).toEqual({ ok: false, message: 'not JSON' });
    expect(openEnvelope('null', 4, ENVELOPE)).toEqual({ ok: false, message: 'not ours' });
    expect(openEnvelope(JSON.stringify({ format: 'other' }), 20, ENVELOPE)).toEqual({ ok: false, message: 'not ours' });
    expect(openEnvelope(JSON.stringify({ format: 'test-format', version: 3 }), 40, ENVELOPE)).toEqual({
      ok: false,
      message: 'newer',
    });
  });

  it('hands on what it parsed, to be validated whole by the importer', () => {
    const text = JSON.stringify({ format: 'test-format', version: 1, rest: [1] });
    expect(openEnvelope(text, text.length, ENVELOPE)).toEqual({ ok: true, parsed: JSON.parse(text) });
    // Without a "newer" message the version is the importer's to word.
    const { newer: _newer, ...messages } = ENVELOPE.messages;
    const later = JSON.stringify({ format: 'test-format', version: 9 });
    expect(openEnvelope(later, later.length, { ...ENVELOPE, messages }).ok).toBe(true);
  });
});
