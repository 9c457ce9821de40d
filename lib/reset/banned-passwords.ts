// The common and breached passwords shipped with the product. NIST SP 800-63B 5.1.1.2 asks verifiers to
// refuse "values known to be commonly-used, expected, or compromised"; Entra's own global banned list
// (concept-password-ban-bad) is not published, so this is a curated list of base words and sequences that
// lead every public breach corpus (the top of the "rockyou" and "Have I Been Pwned" frequency lists).
// Matching is by normalised substring (see password-policy.ts), so "P@ssw0rd2024!" is refused through
// "password", as Entra does. Entries are lowercase and at least four characters long.
export const commonBreachedPasswords: readonly string[] = [
  'password', 'passwort', 'motdepasse', 'pass1234', 'p4ssword',
  '1234', '12345', '123456', '1234567', '12345678', '123456789', '1234567890', '0000', '1111', '2222', '6969',
  '654321', '987654', '121212', '112233', '123123', '123321', '159753', '147258', '789456', '696969',
  'qwerty', 'qwertz', 'azerty', 'asdf', 'zxcv', 'qazwsx', 'wasd', '1qaz', '1q2w3e', 'abcd', 'abc123', 'aaaa',
  'letmein', 'welcome', 'bienvenue', 'iloveyou', 'trustno1', 'whatever', 'nothing', 'secret', 'changeme',
  'default', 'access', 'login', 'master', 'admin', 'administrator', 'root', 'test', 'guest', 'user', 'demo',
  'monkey', 'dragon', 'shadow', 'sunshine', 'princess', 'football', 'baseball', 'soccer', 'hockey', 'basketball',
  'superman', 'batman', 'starwars', 'pokemon', 'killer', 'hunter', 'ranger', 'tigger', 'charlie',
  'michael', 'jordan', 'jennifer', 'thomas', 'daniel', 'andrew', 'joshua', 'jessica', 'ashley', 'nicole',
  'freedom', 'flower', 'cheese', 'cookie', 'chocolate', 'pepper', 'ginger', 'summer', 'winter', 'spring',
  'autumn', 'january', 'february', 'march', 'april', 'june', 'july', 'august', 'september', 'october',
  'november', 'december', 'monday', 'friday', 'sunday', 'hello', 'love', 'lovely', 'angel', 'baby', 'buster',
  'mustang', 'ferrari', 'porsche', 'corvette', 'harley', 'yankees', 'liverpool', 'chelsea', 'arsenal',
  'matrix', 'computer', 'internet', 'google', 'microsoft', 'windows', 'office', 'outlook', 'azure', 'entra',
  'zaq1', 'xsw2', 'qwertyuiop', 'asdfghjkl', 'zxcvbnm', 'passw', 'secure', 'security', 'company', 'abcdef',
];
