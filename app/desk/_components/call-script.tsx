'use client';
import { useDeskTranslate } from './use-desk-translate';

export type CallStep = 'identify' | 'verify' | 'act' | 'close';
const steps: CallStep[] = ['identify', 'verify', 'act', 'close'];

/** The script the agent follows, beside the controls; the current step is marked for screen readers too. */
export function CallScript({ current }: { current: CallStep }) {
  const t = useDeskTranslate();
  return (
    <aside
      aria-labelledby="call-script-title"
      className="rounded-xl border border-slate-200 bg-white p-4 shadow-sm lg:sticky lg:top-4"
    >
      <h2 id="call-script-title" className="text-lg font-semibold">
        {t('script.title')}
      </h2>
      <ol className="mt-3 space-y-3">
        {steps.map((step, index) => (
          <li
            key={step}
            aria-current={step === current ? 'step' : undefined}
            className={`rounded-lg border p-3 text-sm ${step === current ? 'border-brand-600 bg-brand-50' : 'border-slate-200'}`}
          >
            <p className="font-semibold">
              {index + 1}. {t(`script.${step}.title`)}
            </p>
            <p className="mt-1 text-slate-700">{t(`script.${step}.say`)}</p>
            <p className="mt-1 text-slate-600">
              <span className="font-medium">{t('script.never')}</span> {t(`script.${step}.never`)}
            </p>
          </li>
        ))}
      </ol>
    </aside>
  );
}
