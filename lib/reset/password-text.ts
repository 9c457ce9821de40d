// Entra's normalisation before it matches banned passwords: case, then common substitutions
// (concept-password-ban-bad, "How are passwords evaluated"). Shared by every password rule.
const substitutions: Record<string, string> = {
  '0': 'o',
  '1': 'l',
  '!': 'i',
  '3': 'e',
  '4': 'a',
  '@': 'a',
  '5': 's',
  $: 's',
  '7': 't',
  '+': 't',
};

export function normalisePasswordText(value: string): string {
  return [...value.normalize('NFKC').toLowerCase()].map((c) => substitutions[c] ?? c).join('');
}
