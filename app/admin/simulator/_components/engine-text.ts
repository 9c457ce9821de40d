// The engine's sentences (findings, fixes, What-If explanations, matrix reasons) on a simulator page: the engine
// returns each as a code with parameters (lib/conditional-access/engine-text.ts) and the page renders it with the
// request's catalogue (messages/<locale>/engine.json), so a French page never shows the engine's English.
import { renderEngineText, type EngineText, type EngineTranslator } from '@/lib/conditional-access/engine-text';

export function engineTextTranslator(t: EngineTranslator): (text: EngineText) => string {
  return (text) => renderEngineText(text, t);
}
