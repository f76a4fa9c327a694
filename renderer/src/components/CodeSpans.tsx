/** Text from the engine with `backticked` words shown as code (as React text: never as HTML). */
export function CodeSpans({ text }: { text: string }) {
  const parts = text.split(/`([^`]+)`/);
  return <>{parts.map((part, index) => (index % 2 === 1 ? <code key={index}>{part}</code> : part))}</>;
}
