import React, { useState } from 'react';

interface Props {
  initial?: string;
  onSearch: (query: string) => Promise<string[]>;
}

// A search box that shows results as HTML.
export function Search({ initial = '', onSearch }: Props): JSX.Element {
  const [query, setQuery] = useState(initial);
  const [results, setResults] = useState<string[]>([]);

  const submit = async (event: React.FormEvent) => {
    event.preventDefault();
    setResults(await onSearch(query));
  };

  return (
    <form onSubmit={submit}>
      <input value={query} onChange={(e) => setQuery(e.target.value)} />
      <ul>
        {results.map((r) => (
          <li key={r} dangerouslySetInnerHTML={{ __html: r }} />
        ))}
      </ul>
    </form>
  );
}

export class ResultList extends React.Component<{ items: string[] }> {
  render() {
    return <ol>{this.props.items.map((i) => <li key={i}>{i}</li>)}</ol>;
  }
}

export const highlight = (text: string, term: string): string =>
  text.split(term).join(`<mark>${term}</mark>`);

export function useDebounce<T>(value: T, delay = 300): T {
  const [debounced, setDebounced] = React.useState(value);
  React.useEffect(() => {
    const timer = setTimeout(() => setDebounced(value), delay);
    return () => clearTimeout(timer);
  }, [value, delay]);
  return debounced;
}
