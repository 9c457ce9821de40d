'use client';
// The pass the agent reads to the caller: focused as soon as it appears (so a screen reader announces it
// and the agent does not hunt for it), large, in a monospace face with a slashed zero and each kind of
// character in its own colour so 0/O and 1/l/I are told apart, and spelled out with the phonetic alphabet
// of the agent's language.
import { useEffect, useRef } from 'react';
import { spellOutPass, type SpokenCharacter } from '@/lib/desk/spell-out-pass';
import { useDeskTranslate } from './use-desk-translate';

const colourOf: Record<SpokenCharacter['kind'], string> = {
  upper: 'text-slate-950',
  lower: 'text-slate-950',
  digit: 'text-blue-800',
  symbol: 'text-red-800',
  other: 'text-red-800',
};

export function TemporaryAccessPass({
  pass,
  onDone,
}: {
  pass: { value: string; minutes: number; isUsableOnce: boolean };
  onDone: () => void;
}) {
  const t = useDeskTranslate();
  const region = useRef<HTMLDivElement>(null);
  useEffect(() => region.current?.focus(), [pass.value]);
  const spoken = spellOutPass(pass.value);
  const word = (c: SpokenCharacter): string => {
    switch (c.kind) {
      case 'upper':
      case 'lower':
        return `${t(c.kind === 'upper' ? 'tap.capital' : 'tap.lowercase')} ${t(`tap.letters.${c.letter}`)}`;
      case 'digit':
        return t(`tap.digits.${c.digit}`);
      case 'symbol':
        return t(`tap.symbols.${c.name}`);
      default:
        return c.character;
    }
  };
  return (
    <div
      ref={region}
      tabIndex={-1}
      role="region"
      aria-labelledby="tap-title"
      data-testid="tap-region"
      className="mt-3 rounded-lg border-2 border-brand-600 bg-brand-50 p-4 focus:outline-4 focus:outline-brand-600"
    >
      <h3 id="tap-title" className="text-lg font-semibold">
        {t('tap.title')}
      </h3>
      <p className="mt-1 text-sm">
        {t('tap.readOnce', { minutes: pass.minutes })} {pass.isUsableOnce ? t('tap.oneTime') : ''}
      </p>
      <p
        className="mt-3 font-mono text-4xl font-bold tracking-[0.2em] break-all select-all slashed-zero sm:text-5xl"
        data-testid="temporary-access-pass"
      >
        {[...pass.value].map((character, index) => (
          <span key={index} className={colourOf[spoken[index]?.kind ?? 'other']}>
            {character}
          </span>
        ))}
      </p>
      <p className="mt-1 text-xs text-slate-700">{t('tap.legend')}</p>
      <details open className="mt-3">
        <summary className="cursor-pointer font-medium">{t('tap.readAloud')}</summary>
        <ol className="mt-2 flex flex-wrap gap-2 text-sm" data-testid="tap-spelled">
          {spoken.map((c, index) => (
            <li key={index} className="rounded border border-slate-300 bg-white px-2 py-1">
              <span aria-hidden="true" className={`mr-1 font-mono font-bold ${colourOf[c.kind]}`}>
                {pass.value[index]}
              </span>
              {word(c)}
            </li>
          ))}
        </ol>
      </details>
      <button
        type="button"
        onClick={onDone}
        className="mt-3 rounded-lg border border-slate-400 bg-white px-3 py-1.5 text-sm font-medium"
      >
        {t('tap.done')}
      </button>
    </div>
  );
}
