// The breached-password corpus shipped with the product, from the zxcvbn-ts packages in package.json:
// @zxcvbn-ts/language-common "passwords-common" (the most common passwords of public breaches, ranked) and the
// English and French dictionaries (common words, Wikipedia words, first and last names, and the small lists:
// months, seasons, numbers…). The packages decompress their lists on import
// (@zxcvbn-ts/dictionary-compression), so they are imported on first use and the corpus is built once per
// process (instrumentation.ts starts it at boot). Matching is pure: lib/reset/breached-passwords.ts.
import { buildBreachedPasswordCorpus, type BreachedPasswordCorpus } from '../../lib/reset/breached-passwords';

let loading: Promise<Required<BreachedPasswordCorpus>> | undefined;

export function loadBreachedPasswordCorpus(): Promise<Required<BreachedPasswordCorpus>> {
  loading ??= (async () => {
    const [common, english, french] = await Promise.all([
      import('@zxcvbn-ts/language-common'),
      import('@zxcvbn-ts/language-en'),
      import('@zxcvbn-ts/language-fr'),
    ]);
    const words = [english.dictionary, french.dictionary].flatMap((dictionary) => Object.values(dictionary).flat());
    return buildBreachedPasswordCorpus({ rankedPasswords: common.dictionary['passwords-common'], words });
  })();
  return loading;
}
