'use client';
// Blast radius in the browser: the form (blast-radius-form.tsx) starts a run on the stream hook
// (use-blast-radius-stream.ts, over the pure reducer in blast-radius-stream-state.ts), and the results view
// (blast-radius-results.tsx) shows counts as they stream in.
import type { BlastRadiusFormProps } from './blast-radius-form';
import { BlastRadiusForm } from './blast-radius-form';
import { BlastRadiusResults } from './blast-radius-results';
import { useBlastRadiusStream } from './use-blast-radius-stream';

export type BlastRadiusPanelProps = Omit<BlastRadiusFormProps, 'running' | 'onRun' | 'onCancel' | 'onDraftNotJson'>;

export function BlastRadiusPanel(props: BlastRadiusPanelProps) {
  const stream = useBlastRadiusStream();
  return (
    <>
      <BlastRadiusForm
        {...props}
        running={stream.state.running}
        onRun={(body) => void stream.start(body)}
        onCancel={stream.cancel}
        onDraftNotJson={stream.refuseDraft}
      />
      <BlastRadiusResults
        state={stream.state}
        flowNames={props.flows}
        forgotten={props.initial.forgotten}
        labels={props.labels}
      />
    </>
  );
}
