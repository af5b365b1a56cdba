/**
 * The département code inside a commune's INSEE code: its first three characters overseas
 * (971–976), its first two elsewhere (including Corsica's 2A/2B).
 */
export function departementOfInsee(insee: string): string {
  return insee.startsWith('97') ? insee.slice(0, 3) : insee.slice(0, 2);
}
