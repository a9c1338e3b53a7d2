/** Something could not be loaded: what went wrong in words, and a way on. */
export function LoadFailed({ message, onRetry }: { message: string; onRetry: () => void }) {
  return (
    <div>
      <p class="error" role="alert">
        {message}
      </p>
      <button onClick={onRetry}>Try again</button>
    </div>
  );
}

/** A problem to read at once; nothing when there is none. */
export function Alert({ text, class: className = 'error' }: { text: string | null; class?: string }) {
  if (!text) return null;
  return (
    <p class={className} role="alert">
      {text}
    </p>
  );
}
