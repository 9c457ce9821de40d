'use client';
import { useState, type FormEvent } from 'react';
import { searchAnswerSchema, type SearchAnswer } from '@/lib/desk/desk-answer-schemas';
import { deskCall, errorKey } from './desk-fetch';
import { useDeskTranslate } from './use-desk-translate';

/** Find the caller's account by name, UPN, email or phone. */
export function UserSearch({ onSelect }: { onSelect: (userId: string) => void }) {
  const t = useDeskTranslate();
  const [query, setQuery] = useState('');
  const [results, setResults] = useState<SearchAnswer | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [isBusy, setBusy] = useState(false);

  async function submit(event: FormEvent) {
    event.preventDefault();
    setBusy(true);
    setError(null);
    const result = await deskCall('/api/desk/search', searchAnswerSchema, { method: 'POST', body: { query } });
    setBusy(false);
    if (result.ok) setResults(result.data);
    else {
      setResults(null);
      setError(t(errorKey(result.error)));
    }
  }

  return (
    <section aria-labelledby="search-title" className="rounded-xl border border-slate-200 bg-white p-4 shadow-sm">
      <h2 id="search-title" className="text-lg font-semibold">
        {t('search.title')}
      </h2>
      <form onSubmit={submit} className="mt-3 flex flex-wrap items-end gap-2" role="search">
        <div className="min-w-0 flex-1">
          <label htmlFor="desk-search" className="block text-sm font-medium">
            {t('search.label')}
          </label>
          <input
            id="desk-search"
            name="query"
            value={query}
            onChange={(e) => setQuery(e.target.value)}
            autoComplete="off"
            aria-describedby="desk-search-hint"
            className="mt-1 w-full rounded-lg border border-slate-400 px-3 py-2"
            minLength={2}
            maxLength={120}
            required
          />
          <p id="desk-search-hint" className="mt-1 text-xs text-slate-600">
            {t('search.hint')}
          </p>
        </div>
        <button
          type="submit"
          disabled={isBusy}
          className="mb-5 rounded-lg bg-brand-700 px-4 py-2 font-medium text-white disabled:opacity-70"
        >
          {t('search.button')}
        </button>
      </form>
      {error ? (
        <p role="alert" className="mt-2 rounded-lg border border-red-300 bg-red-50 p-2 text-sm text-red-900">
          {error}
        </p>
      ) : null}
      <div aria-live="polite">
        {results !== null ? (
          results.length === 0 ? (
            <p className="mt-3 text-sm text-slate-700">{t('search.none')}</p>
          ) : (
            <ul
              className="mt-3 divide-y divide-slate-200 rounded-lg border border-slate-200"
              aria-label={t('search.resultsLabel', { count: results.length })}
            >
              {results.map((user) => (
                <li key={user.id}>
                  <button
                    type="button"
                    onClick={() => onSelect(user.id)}
                    className="w-full px-3 py-2 text-left hover:bg-slate-50"
                  >
                    <span className="block font-medium">{user.displayName}</span>
                    <span className="block text-sm text-slate-600">{user.userPrincipalName}</span>
                  </button>
                </li>
              ))}
            </ul>
          )
        ) : null}
      </div>
    </section>
  );
}
