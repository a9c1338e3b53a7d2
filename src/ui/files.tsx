// Reading and writing the files people move between devices: plan files, notes packages and backups.

/**
 * A picked file's text, or null when the file is larger than `maxBytes`. The size is checked before a byte is read:
 * `file.text()` on a 300 MB file would hold it all in memory only to refuse it afterwards. Every file picker reads
 * through this (tests/unit/file-pickers.test.ts keeps it so).
 */
export async function readFileText(file: Pick<Blob, 'size' | 'text'>, maxBytes: number): Promise<string | null> {
  if (file.size > maxBytes) return null;
  return file.text();
}

/** Offers text to the user as a file download. */
export function downloadFile(name: string, type: string, content: string): void {
  const url = URL.createObjectURL(new Blob([content], { type }));
  const link = document.createElement('a');
  link.href = url;
  link.download = name;
  link.click();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

/** A file picker for JSON files. It clears itself after each pick, so picking the same file again works. */
export function JsonFileInput({ onFile, problemId }: { onFile: (file: File) => void; problemId?: string }) {
  return (
    <input
      type="file"
      accept=".json,application/json"
      aria-invalid={problemId ? true : undefined}
      aria-describedby={problemId}
      onChange={(event) => {
        const file = event.currentTarget.files?.[0];
        event.currentTarget.value = '';
        if (file) onFile(file);
      }}
    />
  );
}
