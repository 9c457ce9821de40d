// The head of a policy set's view (What-If, matrix, blast radius): the set's name back to it, the view's title
// and intro, the tabs (carrying the version and the "as of" date) and the "as of" notice.
import Link from 'next/link';
import type { ReactNode } from 'react';
import { AsOfNotice } from './as-of-notice';
import { SetNav, type SetTab } from './set-nav';

type T = (key: string, values?: Record<string, string | number>) => string;

export function SetViewHeader(props: {
  setId: string;
  setName: string;
  title: string;
  intro: ReactNode;
  current: SetTab;
  /** The version shown when it is not the latest (tabs keep it). */
  version?: number;
  asOf?: string;
  /** A given "as of" date that was not a date (shown, then ignored). */
  invalidAsOf?: string;
  t: T;
}) {
  return (
    <>
      <p className="text-sm">
        <Link href={`/admin/simulator/${props.setId}`}>{props.setName}</Link>
      </p>
      <h1 className="mt-2 text-2xl font-semibold sm:text-3xl">{props.title}</h1>
      <p className="mt-1 max-w-3xl text-slate-700">{props.intro}</p>
      <SetNav setId={props.setId} version={props.version} asOf={props.asOf} current={props.current} t={props.t} />
      <AsOfNotice asOf={props.asOf} invalid={props.invalidAsOf} t={props.t} />
    </>
  );
}
