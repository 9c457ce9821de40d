export const bundlePath: string;
export const inputsPath: string;
export function buildCli(): Promise<{ bundlePath: string; inputs: number; bytes: number }>;
