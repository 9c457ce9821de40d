// The engine's sentences as codes with parameters (issue 14: "the engine returns reason codes with parameters and
// the pages translate them"). Every finding, recommendation, What-If explanation, sign-in flow reason, remedy and
// matrix summary carries an EngineText; the English `message` strings the CLI prints are rendered from the same
// EngineText with messages/en/engine.json, and the simulator pages render it with the request's catalogue
// (messages/<locale>/engine.json), so one code never says different things in two places.
//
// A parameter is a plain value (a policy or app name, a count, an id: shown as is), another EngineText (a phrase
// translated in turn, e.g. a grant requirement), or a list joined with the catalogue's separator (`join`).
import enEngine from '../../messages/en/engine.json';
import { translate, type Messages } from '../i18n/translate';

export type EngineTextList = { join: 'and' | 'or' | 'plus' | 'comma'; items: readonly EngineTextParam[] };
export type EngineTextParam = string | number | EngineText | EngineTextList;
export type EngineText = { key: string; params?: Readonly<Record<string, EngineTextParam>> };

/** Keys are relative to the `engine` namespace of the message catalogues. */
export function engineText(key: string, params?: Record<string, EngineTextParam>): EngineText {
  return params === undefined ? { key } : { key, params };
}

export function joined(join: EngineTextList['join'], items: readonly EngineTextParam[]): EngineTextList {
  return { join, items };
}

/** Picks `<key>.one` or `<key>.other` by count (English and French both distinguish 1 from the rest here). */
export function countedText(key: string, count: number, params: Record<string, EngineTextParam> = {}): EngineText {
  return engineText(`${key}.${count === 1 ? 'one' : 'other'}`, { ...params, count });
}

export type EngineTranslator = (key: string, values?: Record<string, string | number>) => string;

function isList(value: EngineTextParam): value is EngineTextList {
  return typeof value === 'object' && 'join' in value;
}

/** Renders a text with a translator bound to a full catalogue (keys under `engine.`). */
export function renderEngineText(text: EngineText, t: EngineTranslator): string {
  const renderParam = (value: EngineTextParam): string => {
    if (typeof value === 'string' || typeof value === 'number') return String(value);
    if (isList(value)) return value.items.map(renderParam).join(t(`engine.join.${value.join}`));
    return renderEngineText(value, t);
  };
  const values: Record<string, string | number> = {};
  for (const [name, value] of Object.entries(text.params ?? {})) values[name] = renderParam(value);
  return t(`engine.${text.key}`, values);
}

const englishCatalogue: Messages = { engine: enEngine };
const englishTranslator: EngineTranslator = (key, values) => translate(englishCatalogue, key, values);

/** The English sentence (what the CLI prints and the `message` fields hold). */
export function english(text: EngineText): string {
  return renderEngineText(text, englishTranslator);
}

/** A sentence as both forms the engine returns: `{ message, text }`. */
export function sentence(key: string, params?: Record<string, EngineTextParam>): { message: string; text: EngineText } {
  const text = engineText(key, params);
  return { message: english(text), text };
}
